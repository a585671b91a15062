/// A growable sequence of bits, most significant bit first, as QR data streams are defined.
struct QRBitBuffer: Sendable {
    private(set) var bits: [Bool] = []

    var count: Int { bits.count }

    /// Appends the low `bitCount` bits of `value`, high bit first.
    mutating func append(_ value: Int, bitCount: Int) {
        precondition(bitCount >= 0 && bitCount <= 31 && value >> bitCount == 0, "value does not fit in bit count")
        for shift in stride(from: bitCount - 1, through: 0, by: -1) {
            bits.append((value >> shift) & 1 == 1)
        }
    }

    mutating func append(contentsOf other: QRBitBuffer) {
        bits.append(contentsOf: other.bits)
    }

    /// The bits packed into bytes; a trailing partial byte is zero-filled.
    var bytes: [UInt8] {
        var result = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (index, bit) in bits.enumerated() where bit {
            result[index / 8] |= 0x80 >> UInt8(index % 8)
        }
        return result
    }
}

/// The QR encoding modes this encoder produces; kanji and mixed-mode segments are not used.
enum QRMode: Sendable {
    case numeric
    case alphanumeric
    case byte

    var indicator: Int {
        switch self {
        case .numeric: 0b0001
        case .alphanumeric: 0b0010
        case .byte: 0b0100
        }
    }

    /// Width of the character-count field, which grows with the version range.
    func characterCountBits(version: Int) -> Int {
        let range = version <= 9 ? 0 : (version <= 26 ? 1 : 2)
        switch self {
        case .numeric: return [10, 12, 14][range]
        case .alphanumeric: return [9, 11, 13][range]
        case .byte: return [8, 16, 16][range]
        }
    }
}

/// The whole input as one segment, in the most compact single mode that can represent every byte.
struct QRSegment: Sendable {
    /// The 45 characters of alphanumeric mode, in code-value order.
    static let alphanumericCharacters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    let mode: QRMode
    let characterCount: Int
    let payload: QRBitBuffer

    init(bytes: [UInt8]) {
        characterCount = bytes.count
        if !bytes.isEmpty, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            mode = .numeric
            payload = QRSegment.numericPayload(bytes)
        } else if !bytes.isEmpty, let values = QRSegment.alphanumericValues(bytes) {
            mode = .alphanumeric
            payload = QRSegment.alphanumericPayload(values)
        } else {
            mode = .byte
            var buffer = QRBitBuffer()
            for byte in bytes {
                buffer.append(Int(byte), bitCount: 8)
            }
            payload = buffer
        }
    }

    /// Bits needed at `version`, or nil when the character count overflows that version's count field.
    func encodedBitCount(version: Int) -> Int? {
        let countBits = mode.characterCountBits(version: version)
        guard characterCount < 1 << countBits else { return nil }
        return 4 + countBits + payload.count
    }

    /// Groups of three digits become 10 bits; a trailing pair takes 7 bits and a single digit 4.
    private static func numericPayload(_ digits: [UInt8]) -> QRBitBuffer {
        var buffer = QRBitBuffer()
        var start = 0
        while start < digits.count {
            let group = digits[start..<min(start + 3, digits.count)]
            let value = group.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            buffer.append(value, bitCount: group.count * 3 + 1)
            start += 3
        }
        return buffer
    }

    private static func alphanumericValues(_ bytes: [UInt8]) -> [Int]? {
        var values: [Int] = []
        values.reserveCapacity(bytes.count)
        for byte in bytes {
            guard let value = alphanumericCharacters.firstIndex(of: byte) else { return nil }
            values.append(value)
        }
        return values
    }

    /// Pairs become 11 bits (45 × first + second); a trailing single character takes 6 bits.
    private static func alphanumericPayload(_ values: [Int]) -> QRBitBuffer {
        var buffer = QRBitBuffer()
        var start = 0
        while start + 1 < values.count {
            buffer.append(values[start] * 45 + values[start + 1], bitCount: 11)
            start += 2
        }
        if start < values.count {
            buffer.append(values[start], bitCount: 6)
        }
        return buffer
    }
}
