/// A small DEFLATE (RFC 1951) compressor: greedy LZ77 matching emitted as a single fixed-Huffman block.
///
/// QR images are rows repeated `moduleSize` times, so back-references alone shrink them dramatically;
/// dynamic Huffman tables would add code for little further gain.
enum FixedHuffmanDeflate {
    private static let windowSize = 32_768
    private static let minimumMatch = 3
    private static let maximumMatch = 258
    /// Bounds the work per position; repeated rows are found among the first few candidates.
    private static let maximumChain = 32

    private static let lengthBases = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    private static let lengthExtraBits = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBases = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtraBits = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    static func compress(_ input: [UInt8]) -> [UInt8] {
        var output = DeflateBitWriter()
        output.write(1, bitCount: 1)  // BFINAL: this is the only block
        output.write(1, bitCount: 2)  // BTYPE 01: fixed Huffman codes

        let hashSize = 1 << 15
        var head = [Int](repeating: -1, count: hashSize)
        var previous = [Int](repeating: -1, count: windowSize)
        func hash(at position: Int) -> Int {
            (Int(input[position]) << 10 ^ Int(input[position + 1]) << 5 ^ Int(input[position + 2])) & (hashSize - 1)
        }
        func insert(_ position: Int) {
            guard position + minimumMatch <= input.count else { return }
            let key = hash(at: position)
            previous[position & (windowSize - 1)] = head[key]
            head[key] = position
        }

        var position = 0
        while position < input.count {
            var bestLength = 0
            var bestDistance = 0
            if position + minimumMatch <= input.count {
                let limit = min(maximumMatch, input.count - position)
                var candidate = head[hash(at: position)]
                var chain = maximumChain
                while candidate >= 0, candidate < position, position - candidate <= windowSize, chain > 0 {
                    var length = 0
                    while length < limit, input[candidate + length] == input[position + length] {
                        length += 1
                    }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = position - candidate
                        if length == limit { break }
                    }
                    candidate = previous[candidate & (windowSize - 1)]
                    chain -= 1
                }
            }
            if bestLength >= minimumMatch {
                writeMatch(length: bestLength, distance: bestDistance, to: &output)
                for covered in position..<(position + bestLength) {
                    insert(covered)
                }
                position += bestLength
            } else {
                writeLiteralOrLength(Int(input[position]), to: &output)
                insert(position)
                position += 1
            }
        }
        writeLiteralOrLength(256, to: &output)  // end of block
        return output.finish()
    }

    /// Fixed literal/length code (RFC 1951 section 3.2.6).
    private static func writeLiteralOrLength(_ symbol: Int, to output: inout DeflateBitWriter) {
        switch symbol {
        case 0...143: output.writeHuffman(0x30 + symbol, length: 8)
        case 144...255: output.writeHuffman(0x190 + symbol - 144, length: 9)
        case 256...279: output.writeHuffman(symbol - 256, length: 7)
        default: output.writeHuffman(0xC0 + symbol - 280, length: 8)
        }
    }

    private static func writeMatch(length: Int, distance: Int, to output: inout DeflateBitWriter) {
        // Search from the top so that 258 uses its dedicated code 285 rather than 284 with extra bits.
        let lengthCode = lengthBases.lastIndex { $0 <= length } ?? 0
        writeLiteralOrLength(257 + lengthCode, to: &output)
        output.write(length - lengthBases[lengthCode], bitCount: lengthExtraBits[lengthCode])
        let distanceCode = distanceBases.lastIndex { $0 <= distance } ?? 0
        output.writeHuffman(distanceCode, length: 5)
        output.write(distance - distanceBases[distanceCode], bitCount: distanceExtraBits[distanceCode])
    }
}

/// Packs DEFLATE's bit stream: values least significant bit first, Huffman codes most significant bit first.
struct DeflateBitWriter {
    private var bytes: [UInt8] = []
    private var pending: UInt32 = 0
    private var pendingCount = 0

    mutating func write(_ value: Int, bitCount: Int) {
        pending |= UInt32(value) << UInt32(pendingCount)
        pendingCount += bitCount
        while pendingCount >= 8 {
            bytes.append(UInt8(pending & 0xFF))
            pending >>= 8
            pendingCount -= 8
        }
    }

    mutating func writeHuffman(_ code: Int, length: Int) {
        var reversed = 0
        for bit in 0..<length {
            reversed |= ((code >> bit) & 1) << (length - 1 - bit)
        }
        write(reversed, bitCount: length)
    }

    /// The stream with the final partial byte zero-padded.
    mutating func finish() -> [UInt8] {
        if pendingCount > 0 {
            bytes.append(UInt8(pending & 0xFF))
            pending = 0
            pendingCount = 0
        }
        return bytes
    }
}
