import CompressNIO
import NIOCore
import Testing

/// A PNG file split into its chunks, read independently of `PNGWriter` so the tests check the format, not the code.
struct PNGFile {
    /// One chunk: its type, its data and the CRC stored after them.
    struct Chunk {
        let type: String
        let data: [UInt8]
        let storedCRC: UInt32

        /// The CRC covers the four type bytes and the data, not the length.
        var computedCRC: UInt32 { ReferenceCRC32.checksum(Array(type.utf8) + data) }
    }

    let signature: [UInt8]
    let chunks: [Chunk]

    /// Fails the test when a length field points past the end of the file.
    init(_ bytes: [UInt8]) throws {
        try #require(bytes.count >= 8, "shorter than a PNG signature")
        signature = Array(bytes.prefix(8))
        var chunks: [Chunk] = []
        var offset = 8
        while offset < bytes.count {
            try #require(offset + 12 <= bytes.count, "truncated chunk header at \(offset)")
            let length = Int(Self.bigEndianUInt32(bytes, at: offset))
            let end = offset + 12 + length
            try #require(end <= bytes.count, "chunk at \(offset) claims \(length) bytes past the end of the file")
            chunks.append(
                Chunk(
                    type: String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self),
                    data: Array(bytes[(offset + 8)..<(end - 4)]),
                    storedCRC: Self.bigEndianUInt32(bytes, at: end - 4)))
            offset = end
        }
        self.chunks = chunks
    }

    func chunk(_ type: String) throws -> Chunk {
        try #require(chunks.first { $0.type == type }, "no \(type) chunk")
    }

    /// The image data: the concatenated IDAT chunks, which together form one zlib stream.
    var imageData: [UInt8] {
        chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
    }

    /// Inflates the image data with zlib, which also verifies the stream's Adler-32 trailer.
    ///
    /// One byte is appended after the stream and must be left unread: zlib stops at the end of a complete
    /// stream, so this proves the stream ends exactly where the image data does and is not truncated.
    func inflatedImageData(expectedSize: Int) throws -> [UInt8] {
        let decompressor = try ZlibDecompressor(algorithm: .zlib, windowSize: 15)
        var input = ByteBuffer(bytes: imageData + [0xA5])
        var output = ByteBufferAllocator().buffer(capacity: expectedSize + 64)
        try decompressor.inflate(from: &input, to: &output)
        #expect(input.readableBytes == 1, "the zlib stream does not end where the image data ends")
        return Array(output.readableBytesView)
    }

    static func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}

/// CRC-32 computed bit by bit, straight from the definition, to check the table-driven one in `PNGChecksum`.
enum ReferenceCRC32 {
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }
}
