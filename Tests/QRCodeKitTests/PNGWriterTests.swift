import Testing

@testable import QRCodeKit

@Suite("PNG files")
struct PNGWriterTests {
    /// Symbols and drawing sizes; 25 modules × 3 pixels leaves 5 padding bits at the end of every row.
    static let images: [(text: String, moduleSize: Int, border: Int)] = [
        ("HELLO WORLD", 5, 2),
        ("HELLO WORLD", 3, 2),
        ("otpauth://totp/P2P%20Delivery:ada@example.com?secret=JBSWY3DPEHPK3PXP&issuer=P2P%20Delivery", 6, 4),
        (String(repeating: "large payload ", count: 150), 8, 4),
    ]

    @Test func checksumKnownAnswers() {
        #expect(PNGChecksum.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGChecksum.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGChecksum.crc32([]) == 0)
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(PNGChecksum.crc32(bytes) == ReferenceCRC32.checksum(bytes))
    }

    @Test(arguments: 0..<images.count)
    func signatureAndChunkSequence(index: Int) throws {
        let png = try Self.render(Self.images[index])
        let file = try PNGFile(png)
        #expect(file.signature == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(file.chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        #expect(try file.chunk("IEND").data.isEmpty)
    }

    @Test(arguments: 0..<images.count)
    func everyChunkCRCIsCorrect(index: Int) throws {
        let file = try PNGFile(Self.render(Self.images[index]))
        for chunk in file.chunks {
            #expect(chunk.storedCRC == chunk.computedCRC, "\(chunk.type)")
        }
    }

    @Test(arguments: 0..<images.count)
    func headerDescribesTheImage(index: Int) throws {
        let image = Self.images[index]
        let code = try QREncoder.encode(image.text)
        let header = try PNGFile(Self.render(image)).chunk("IHDR").data
        #expect(header.count == 13)
        let side = UInt32((code.size + 2 * image.border) * image.moduleSize)
        #expect(PNGFile.bigEndianUInt32(header, at: 0) == side)
        #expect(PNGFile.bigEndianUInt32(header, at: 4) == side)
        // Bit depth 1, colour type 0 (grayscale), compression 0 (deflate), filter method 0, no interlace.
        #expect(Array(header[8...]) == [1, 0, 0, 0, 0])
    }

    @Test(arguments: 0..<images.count)
    func imageDataIsAZlibStream(index: Int) throws {
        let data = try PNGFile(Self.render(Self.images[index])).imageData
        try #require(data.count >= 6)
        // CMF: deflate (8) with a 32 KiB window (7). FLG: check bits that make CMF·256 + FLG a multiple of 31,
        // and no preset dictionary, which a PNG decoder would have no way to supply.
        #expect(data[0] == 0x78)
        #expect((Int(data[0]) << 8 | Int(data[1])) % 31 == 0)
        #expect(data[1] & 0x20 == 0)
    }

    @Test(arguments: 0..<images.count)
    func imageDataInflatesToTheFilteredScanlines(index: Int) throws {
        let image = Self.images[index]
        let code = try QREncoder.encode(image.text)
        let expected = Self.filteredScanlines(code, moduleSize: image.moduleSize, border: image.border)
        let file = try PNGFile(Self.render(image))
        #expect(try file.inflatedImageData(expectedSize: expected.count) == expected)
    }

    /// The largest symbol at the default size is 1,480 pixels square; zlib must still shrink it well below raw.
    @Test func largestSymbolCompressesWell() throws {
        let code = try QREncoder.encode([UInt8](repeating: 0x61, count: 2953), correction: .low)
        let file = try PNGFile(QRImageRenderer.png(code))
        let raw = Self.filteredScanlines(code, moduleSize: 8, border: 4)
        #expect(file.imageData.count < raw.count / 20)
        #expect(try file.inflatedImageData(expectedSize: raw.count) == raw)
    }

    private static func render(_ image: (text: String, moduleSize: Int, border: Int)) throws -> [UInt8] {
        QRImageRenderer.png(try QREncoder.encode(image.text), moduleSize: image.moduleSize, border: image.border)
    }

    /// What the image data must hold, built from the modules: per pixel row, filter type 0 (None) and then the
    /// pixels eight to a byte, leftmost in the high bit, 1 for white; padding bits after the last pixel are white.
    private static func filteredScanlines(_ code: QRCode, moduleSize: Int, border: Int) -> [UInt8] {
        let side = (code.size + 2 * border) * moduleSize
        var scanlines: [UInt8] = []
        for pixelY in 0..<side {
            scanlines.append(0)
            var byte: UInt8 = 0
            for pixelX in 0..<((side + 7) / 8 * 8) {
                let dark = code.isDark(x: pixelX / moduleSize - border, y: pixelY / moduleSize - border)
                byte = byte << 1 | (dark && pixelX < side ? 0 : 1)
                if pixelX % 8 == 7 {
                    scanlines.append(byte)
                    byte = 0
                }
            }
        }
        return scanlines
    }
}
