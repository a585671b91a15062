/// Error-correction level of a QR code: how much of the symbol may be damaged and still decode.
public enum QRErrorCorrection: Sendable, CaseIterable {
    /// Recovers roughly 7% of codewords.
    case low
    /// Recovers roughly 15% of codewords.
    case medium
    /// Recovers roughly 25% of codewords.
    case quartile
    /// Recovers roughly 30% of codewords.
    case high

    /// Row index into the block-structure tables in `QRTables`.
    var tableIndex: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }

    /// The two level bits of the format information; the standard's ordering is not L, M, Q, H.
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }
}

/// Reasons a QR code cannot be produced.
public enum QREncodingError: Error, Sendable {
    /// The input does not fit in a version 40 symbol at the requested error-correction level.
    case dataTooLong
}

/// Turns bytes or text into a QR code symbol (ISO/IEC 18004), choosing the smallest version that fits.
public enum QREncoder {
    /// Encodes raw bytes, using numeric or alphanumeric mode when every byte allows it and byte mode otherwise.
    public static func encode(_ bytes: [UInt8], correction: QRErrorCorrection = .medium) throws -> QRCode {
        try encode(bytes, correction: correction, minimumVersion: 1, forcedMask: nil)
    }

    /// Encodes the UTF-8 bytes of `text`.
    public static func encode(_ text: String, correction: QRErrorCorrection = .medium) throws -> QRCode {
        try encode(Array(text.utf8), correction: correction)
    }

    /// Full-control entry point; tests use it to pin a version or mask that automatic selection would not pick.
    static func encode(
        _ bytes: [UInt8],
        correction: QRErrorCorrection,
        minimumVersion: Int,
        forcedMask: Int?
    ) throws -> QRCode {
        let segment = QRSegment(bytes: bytes)
        guard let version = smallestVersion(for: segment, correction: correction, from: minimumVersion) else {
            throw QREncodingError.dataTooLong
        }
        let data = dataCodewords(for: segment, version: version, correction: correction)
        let codewords = interleavedCodewords(data: data, version: version, correction: correction)
        var builder = QRMatrixBuilder(version: version)
        builder.placeCodewords(codewords)
        let mask = forcedMask ?? QRMask.bestMask(for: builder, correction: correction)
        return builder.finished(correction: correction, mask: mask)
    }

    static func smallestVersion(for segment: QRSegment, correction: QRErrorCorrection, from minimum: Int) -> Int? {
        for version in max(1, minimum)...40 {
            guard let bits = segment.encodedBitCount(version: version) else { continue }
            if bits <= QRTables.dataCodewordCount(version: version, correction: correction) * 8 {
                return version
            }
        }
        return nil
    }

    /// Header, payload, terminator and padding, packed into exactly the data capacity of the version.
    static func dataCodewords(for segment: QRSegment, version: Int, correction: QRErrorCorrection) -> [UInt8] {
        let capacityBits = QRTables.dataCodewordCount(version: version, correction: correction) * 8
        var buffer = QRBitBuffer()
        buffer.append(segment.mode.indicator, bitCount: 4)
        buffer.append(segment.characterCount, bitCount: segment.mode.characterCountBits(version: version))
        buffer.append(contentsOf: segment.payload)
        buffer.append(0, bitCount: min(4, capacityBits - buffer.count))
        buffer.append(0, bitCount: (8 - buffer.count % 8) % 8)
        var bytes = buffer.bytes
        // The standard's alternating pad codewords 11101100 and 00010001.
        let padding: [UInt8] = [0xEC, 0x11]
        var padIndex = 0
        while bytes.count * 8 < capacityBits {
            bytes.append(padding[padIndex % 2])
            padIndex += 1
        }
        return bytes
    }

    /// Splits data into blocks, appends each block's Reed–Solomon codewords, and interleaves column-wise.
    static func interleavedCodewords(data: [UInt8], version: Int, correction: QRErrorCorrection) -> [UInt8] {
        let blockCount = QRTables.blockCount(version: version, correction: correction)
        let eccLength = QRTables.eccCodewordsPerBlock(version: version, correction: correction)
        let rawCount = QRTables.rawCodewordCount(version: version)
        // Later blocks carry one extra data codeword when the total does not divide evenly.
        let shortBlockCount = blockCount - rawCount % blockCount
        let shortDataLength = rawCount / blockCount - eccLength
        var dataBlocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blockCount {
            let length = shortDataLength + (index < shortBlockCount ? 0 : 1)
            dataBlocks.append(Array(data[start..<(start + length)]))
            start += length
        }
        let eccBlocks = dataBlocks.map { QRReedSolomon.remainder(of: $0, degree: eccLength) }
        var result: [UInt8] = []
        result.reserveCapacity(rawCount)
        for column in 0...shortDataLength {
            for block in dataBlocks where column < block.count {
                result.append(block[column])
            }
        }
        for column in 0..<eccLength {
            for block in eccBlocks {
                result.append(block[column])
            }
        }
        return result
    }
}
