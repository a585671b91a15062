/// Reads JSON bytes once, before `JSONDecoder`, and refuses what Foundation would let through.
///
/// Foundation's decoder takes a trailing comma in some versions and not others, keeps one of two duplicate
/// keys without saying which, skips a byte-order mark, and decodes `"\u0000abc"` into a string that PostgreSQL
/// refuses and SQLite truncates. One scanner for every JSON body makes the answer the same everywhere: strict
/// RFC 8259 syntax, unique keys per object, no BOM, and string values without control characters
/// (U+0000–U+001F except tab, line feed and carriage return, and U+007F), escaped or not.
public struct StrictJSONScanner {
    /// Deeper nesting is refused rather than followed: the scanner recurses, and no API body nests this far.
    public static let maximumDepth = 128

    /// The verdict on `bytes`.
    public static func scan(_ bytes: some Collection<UInt8>) -> StrictJSONVerdict {
        let copy = Array(bytes)
        return copy.withUnsafeBufferPointer { buffer in
            var scanner = StrictJSONScanner(bytes: buffer)
            return scanner.run()
        }
    }

    struct Stop: Error {
        let verdict: StrictJSONVerdict
    }

    enum PathStep {
        case key(String)
        case index(Int)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var path: [PathStep] = []

    private mutating func run() -> StrictJSONVerdict {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFE, 0xFF])
            || bytes.starts(with: [0xFF, 0xFE])
        {
            return .malformed("body starts with a byte-order mark")
        }
        do throws(Stop) {
            skipWhitespace()
            guard position < bytes.count else { return .malformed("body is empty") }
            try value(depth: 0)
            skipWhitespace()
            guard position == bytes.count else { throw malformed("unexpected data after the JSON value") }
            return .valid
        } catch {
            return error.verdict
        }
    }

    mutating func value(depth: Int) throws(Stop) {
        guard depth < Self.maximumDepth else { throw malformed("nests deeper than \(Self.maximumDepth) levels") }
        guard let next = peek() else { throw malformed("ends before a value") }
        switch next {
        case UInt8(ascii: "{"): try object(depth: depth + 1)
        case UInt8(ascii: "["): try array(depth: depth + 1)
        case UInt8(ascii: "\""):
            if try string().hasControlCharacter {
                throw Stop(verdict: .controlCharacter(field: location))
            }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: throw malformed("has an unexpected character where a value should be")
        }
    }

    private mutating func object(depth: Int) throws(Stop) {
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        var keys = Set<[UInt8]>()
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw malformed("has a member without a quoted key") }
            let key = try string()
            if key.hasControlCharacter { throw malformed("has a key containing a control character") }
            let name = String(decoding: key.content, as: UTF8.self)
            guard keys.insert(key.content).inserted else { throw malformed("has the key \"\(name)\" twice") }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw malformed("has a key without a colon after it") }
            position += 1
            skipWhitespace()
            path.append(.key(name))
            try value(depth: depth)
            path.removeLast()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "}") { throw malformed("has a trailing comma") }
            case UInt8(ascii: "}"):
                position += 1
                return
            default:
                throw malformed("has a member not followed by a comma or a closing brace")
            }
        }
    }

    private mutating func array(depth: Int) throws(Stop) {
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return
        }
        var index = 0
        while true {
            path.append(.index(index))
            try value(depth: depth)
            path.removeLast()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") { throw malformed("has a trailing comma") }
                index += 1
            case UInt8(ascii: "]"):
                position += 1
                return
            default:
                throw malformed("has an element not followed by a comma or a closing bracket")
            }
        }
    }

    func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        {
            position += 1
        }
    }

    /// Where the scanner is, as the API names fields: `pickup.contactName`, `items[0]`, `body` at the top.
    var location: String {
        guard !path.isEmpty else { return "body" }
        var text = ""
        for step in path {
            switch step {
            case .key(let name): text += text.isEmpty ? name : "." + name
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    func malformed(_ problem: String) -> Stop {
        Stop(verdict: .malformed("\(location) \(problem)"))
    }
}
