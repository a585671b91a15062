/// Minimal PNG encoder for 1-bit grayscale images (signature, IHDR, IDAT, IEND).
enum PNGWriter {
    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Encodes a black-and-white image; `packedRows` holds one entry per row, eight pixels per byte,
    /// most significant bit leftmost, 1 meaning white.
    static func bilevelImage(width: Int, height: Int, packedRows: [[UInt8]]) -> [UInt8] {
        precondition(packedRows.count == height && packedRows.allSatisfy { $0.count == (width + 7) / 8 })
        var header: [UInt8] = []
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        // Bit depth 1, colour type 0 (grayscale), deflate compression, adaptive filtering, no interlace.
        header += [1, 0, 0, 0, 0]

        var png = signature
        png += chunk(type: "IHDR", data: header)
        png += chunk(type: "IDAT", data: ZlibStream.compress(scanlines(packedRows)))
        png += chunk(type: "IEND", data: [])
        return png
    }

    /// The filtered image data: each row prefixed with its filter type byte.
    static func scanlines(_ packedRows: [[UInt8]]) -> [UInt8] {
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity(packedRows.reduce(0) { $0 + 1 + $1.count })
        for row in packedRows {
            // Filter type None: a QR image's rows repeat exactly, which zlib's back-references already exploit.
            scanlines.append(0)
            scanlines += row
        }
        return scanlines
    }

    /// Length, type, data and the CRC-32 of type plus data.
    static func chunk(type: String, data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(PNGChecksum.crc32(typeBytes + data))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
