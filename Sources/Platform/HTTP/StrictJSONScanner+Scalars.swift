extension StrictJSONScanner {
    /// A string's content as UTF-8 (escapes resolved, so `"a"` and `"\u0061"` are the same key) and whether
    /// it holds a control character the platform refuses.
    struct ScannedString {
        var content: [UInt8] = []
        var hasControlCharacter = false
    }

    mutating func string() throws(Stop) -> ScannedString {
        position += 1
        var scanned = ScannedString()
        while let byte = peek() {
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return scanned
            case UInt8(ascii: "\\"):
                let scalar = try escape()
                scanned.hasControlCharacter = scanned.hasControlCharacter || Self.isRefusedControl(scalar)
                Unicode.UTF8.encode(scalar) { scanned.content.append($0) }
            case 0x00..<0x20:
                throw malformed("has a raw control character inside a string (JSON requires it escaped)")
            default:
                scanned.hasControlCharacter = scanned.hasControlCharacter || byte == 0x7F
                scanned.content.append(byte)
            }
        }
        throw malformed("has a string that never ends")
    }

    /// The scalar an escape after `\` stands for; a UTF-16 surrogate must be a complete pair.
    private mutating func escape() throws(Stop) -> Unicode.Scalar {
        guard let kind = peek() else { throw malformed("ends inside an escape") }
        position += 1
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(kind)
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hexUnit()
            if (0xD800...0xDBFF).contains(unit) {
                guard peek() == UInt8(ascii: "\\") else { throw malformed("has an unpaired UTF-16 surrogate") }
                position += 1
                guard peek() == UInt8(ascii: "u") else { throw malformed("has an unpaired UTF-16 surrogate") }
                position += 1
                let low = try hexUnit()
                guard (0xDC00...0xDFFF).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                else { throw malformed("has an unpaired UTF-16 surrogate") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(unit) else { throw malformed("has an unpaired UTF-16 surrogate") }
            return scalar
        default:
            throw malformed("has an invalid escape \\\(Character(Unicode.Scalar(kind)))")
        }
    }

    private mutating func hexUnit() throws(Stop) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexValue(byte) else {
                throw malformed("has a \\u escape without four hex digits")
            }
            unit = unit << 4 | digit
            position += 1
        }
        return unit
    }

    mutating func number() throws(Stop) {
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), Self.isDigit(first) else { throw malformed("has a number without digits") }
        position += 1
        if first == UInt8(ascii: "0"), let next = peek(), Self.isDigit(next) {
            throw malformed("has a number with a leading zero")
        }
        skipDigits()
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard let digit = peek(), Self.isDigit(digit) else { throw malformed("has a number ending in a point") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard let digit = peek(), Self.isDigit(digit) else {
                throw malformed("has a number with an empty exponent")
            }
            skipDigits()
        }
    }

    mutating func literal(_ word: StaticString) throws(Stop) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard position + expected.count <= bytes.count,
            bytes[position..<position + expected.count].elementsEqual(expected)
        else { throw malformed("has an unexpected word where a value should be") }
        position += expected.count
    }

    private mutating func skipDigits() {
        while let byte = peek(), Self.isDigit(byte) { position += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// U+0000–U+001F other than tab, line feed and carriage return, and U+007F.
    static func isRefusedControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F: return true
        default: return false
        }
    }
}
