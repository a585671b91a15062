import Testing

@testable import QRCodeKit

@Suite("QR encoder")
struct QREncoderTests {
    // ISO/IEC 18004 Annex I worked example: "01234567" as version 1-M.
    @Test func numericExampleMatchesStandardCodewords() {
        let segment = QRSegment(bytes: Array("01234567".utf8))
        #expect(segment.mode == .numeric)
        let data = QREncoder.dataCodewords(for: segment, version: 1, correction: .medium)
        #expect(
            data == [
                0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
            ])
        let ecc = QRReedSolomon.remainder(of: data, degree: 10)
        #expect(ecc == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    // The widely published "HELLO WORLD" version 1-M alphanumeric example.
    @Test func alphanumericExampleMatchesPublishedCodewords() {
        let segment = QRSegment(bytes: Array("HELLO WORLD".utf8))
        #expect(segment.mode == .alphanumeric)
        let data = QREncoder.dataCodewords(for: segment, version: 1, correction: .medium)
        #expect(data == [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17])
        let ecc = QRReedSolomon.remainder(of: data, degree: 10)
        #expect(ecc == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test func generatorPolynomialOfDegreeSeven() {
        // g(x) = x^7 + α^87 x^6 + α^229 x^5 + α^146 x^4 + α^149 x^3 + α^238 x^2 + α^102 x + α^21
        let exponents = [87, 229, 146, 149, 238, 102, 21].map { QRReedSolomon.exponents[$0] }
        #expect(QRReedSolomon.generatorPolynomial(degree: 7) == [1] + exponents)
    }

    @Test func formatInformationKnownValues() {
        #expect(QRFormatInformation.formatBits(correction: .medium, mask: 0) == 0b101_0100_0001_0010)
        #expect(QRFormatInformation.formatBits(correction: .low, mask: 0) == 0b111_0111_1100_0100)
        #expect(QRFormatInformation.formatBits(correction: .low, mask: 4) == 0b110_0110_0010_1111)
        #expect(QRFormatInformation.formatBits(correction: .quartile, mask: 0) == 0b011_0101_0101_1111)
        #expect(QRFormatInformation.formatBits(correction: .high, mask: 0) == 0b001_0110_1000_1001)
        #expect(QRFormatInformation.formatBits(correction: .high, mask: 7) == 0b000_1000_0011_1011)
    }

    // Values from the standard's table of version information bit sequences.
    @Test func versionInformationKnownValues() {
        #expect(QRFormatInformation.versionBits(version: 7) == 0x07C94)
        #expect(QRFormatInformation.versionBits(version: 8) == 0x085BC)
        #expect(QRFormatInformation.versionBits(version: 21) == 0x15683)
        #expect(QRFormatInformation.versionBits(version: 40) == 0x28C69)
    }

    @Test func capacityTablesMatchStandard() {
        let expected: [(version: Int, raw: Int, data: [Int])] = [
            (1, 26, [19, 16, 13, 9]),
            (7, 196, [156, 124, 88, 66]),
            (10, 346, [274, 216, 154, 122]),
            (40, 3706, [2956, 2334, 1666, 1276]),
        ]
        for row in expected {
            #expect(QRTables.rawCodewordCount(version: row.version) == row.raw)
            let data = QRErrorCorrection.allCases.map {
                QRTables.dataCodewordCount(version: row.version, correction: $0)
            }
            #expect(data == row.data, "version \(row.version)")
        }
    }

    @Test func alignmentPatternCenters() {
        #expect(QRTables.alignmentPatternCenters(version: 1) == [])
        #expect(QRTables.alignmentPatternCenters(version: 2) == [6, 18])
        #expect(QRTables.alignmentPatternCenters(version: 7) == [6, 22, 38])
        #expect(QRTables.alignmentPatternCenters(version: 16) == [6, 26, 50, 74])
        #expect(QRTables.alignmentPatternCenters(version: 32) == [6, 34, 60, 86, 112, 138])
        #expect(QRTables.alignmentPatternCenters(version: 36) == [6, 24, 50, 76, 102, 128, 154])
        #expect(QRTables.alignmentPatternCenters(version: 40) == [6, 30, 58, 86, 114, 142, 170])
    }

    @Test func modeSelection() {
        #expect(QRSegment(bytes: Array("0123456789".utf8)).mode == .numeric)
        #expect(QRSegment(bytes: Array("HTTPS://EXAMPLE.COM/A-1".utf8)).mode == .alphanumeric)
        #expect(QRSegment(bytes: Array("https://example.com".utf8)).mode == .byte)
        #expect(QRSegment(bytes: []).mode == .byte)
    }

    @Test func smallestVersionIsChosen() throws {
        #expect(try QREncoder.encode("HELLO WORLD").version == 1)
        // Byte-mode capacity of version 1-L is 17 bytes; one more needs version 2.
        #expect(try QREncoder.encode(String(repeating: "a", count: 17), correction: .low).version == 1)
        #expect(try QREncoder.encode(String(repeating: "a", count: 18), correction: .low).version == 2)
        // Version 10-M holds 311 alphanumeric characters or 213 bytes.
        #expect(try QREncoder.encode(String(repeating: "A", count: 311)).version == 10)
        #expect(try QREncoder.encode(String(repeating: "A", count: 312)).version == 11)
        #expect(try QREncoder.encode(String(repeating: "a", count: 213)).version == 10)
        #expect(try QREncoder.encode(String(repeating: "a", count: 214)).version == 11)
        // Numeric mode packs the same number of characters into a smaller symbol than byte mode.
        #expect(try QREncoder.encode(String(repeating: "7", count: 41)).version == 2)
    }

    @Test func symbolSizeFollowsVersion() throws {
        let code = try QREncoder.encode(String(repeating: "x", count: 300))
        #expect(code.size == 17 + 4 * code.version)
        #expect(code.isDark(x: -1, y: 0) == false)
        #expect(code.isDark(x: 0, y: code.size) == false)
        // Finder pattern corners and the always-dark module.
        #expect(code.isDark(x: 0, y: 0) && code.isDark(x: code.size - 1, y: 0) && code.isDark(x: 0, y: code.size - 1))
        #expect(code.isDark(x: 8, y: code.size - 8))
    }

    @Test func maximumInputsFitAndOneMoreIsTooLong() throws {
        #expect(try QREncoder.encode([UInt8](repeating: 0x61, count: 2953), correction: .low).version == 40)
        #expect(throws: QREncodingError.dataTooLong) {
            try QREncoder.encode([UInt8](repeating: 0x61, count: 2954), correction: .low)
        }
        #expect(try QREncoder.encode(String(repeating: "9", count: 7089), correction: .low).version == 40)
        #expect(throws: QREncodingError.dataTooLong) {
            try QREncoder.encode(String(repeating: "9", count: 7090), correction: .low)
        }
        #expect(throws: QREncodingError.dataTooLong) {
            try QREncoder.encode([UInt8](repeating: 0x61, count: 1274), correction: .high)
        }
    }

    @Test func encodingIsDeterministic() throws {
        let text = "https://p2p.example/track/ABC123"
        #expect(try QREncoder.encode(text) == QREncoder.encode(text))
    }
}
