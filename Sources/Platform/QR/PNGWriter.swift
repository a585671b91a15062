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

        var scanlines: [UInt8] = []
        scanlines.reserveCapacity(height * (1 + (width + 7) / 8))
        for row in packedRows {
            scanlines.append(0)  // filter type None; the compressor already exploits repeated rows
            scanlines += row
        }

        var png = signature
        png += chunk(type: "IHDR", data: header)
        png += chunk(type: "IDAT", data: zlibStream(scanlines))
        png += chunk(type: "IEND", data: [])
        return png
    }

    /// Length, type, data and the CRC-32 of type plus data.
    static func chunk(type: String, data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(PNGChecksum.crc32(typeBytes + data))
    }

    /// RFC 1950 wrapper: header for deflate with a 32 KiB window, the deflate data, then Adler-32.
    static func zlibStream(_ data: [UInt8]) -> [UInt8] {
        [0x78, 0x01] + FixedHuffmanDeflate.compress(data) + bigEndian(PNGChecksum.adler32(data))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}

/// The two checksums a PNG file needs.
enum PNGChecksum {
    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    /// CRC-32 as used by PNG chunks (reflected polynomial 0xEDB88320).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// Adler-32 as used by zlib streams.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var low: UInt32 = 1
        var high: UInt32 = 0
        // 5552 is the longest run for which the sums cannot overflow 32 bits before reducing.
        var start = 0
        while start < bytes.count {
            let end = min(start + 5552, bytes.count)
            for byte in bytes[start..<end] {
                low += UInt32(byte)
                high += low
            }
            low %= 65521
            high %= 65521
            start = end
        }
        return high << 16 | low
    }
}
