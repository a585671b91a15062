import Foundation
import Testing

@testable import Platform

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("QR image rendering")
struct QRImageRendererTests {
    @Test func checksumKnownAnswers() {
        #expect(PNGChecksum.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGChecksum.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGChecksum.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        // Long enough to exercise the periodic modulo reduction; value cross-checked with zlib.
        #expect(PNGChecksum.adler32([UInt8](repeating: 0xFF, count: 100_000)) == 0x149A_302C)
    }

    @Test func pngHasValidChunkStructure() throws {
        let code = try QREncoder.encode("HELLO WORLD")
        let png = QRImageRenderer.png(code, moduleSize: 5, border: 2)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])

        var chunks: [(type: String, data: [UInt8])] = []
        var offset = 8
        while offset < png.count {
            let length = Int(readUInt32(png, at: offset))
            let typeAndData = Array(png[(offset + 4)..<(offset + 8 + length)])
            #expect(readUInt32(png, at: offset + 8 + length) == PNGChecksum.crc32(typeAndData))
            chunks.append((String(decoding: typeAndData.prefix(4), as: UTF8.self), Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        #expect(offset == png.count)
        #expect(chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])

        let header = try #require(chunks.first?.data)
        let expectedSide = UInt32((21 + 2 * 2) * 5)
        #expect(readUInt32(header, at: 0) == expectedSide)
        #expect(readUInt32(header, at: 4) == expectedSide)
        #expect(Array(header.suffix(5)) == [1, 0, 0, 0, 0])
        // zlib header: deflate, 32 KiB window, valid check bits.
        let idat = chunks[1].data
        #expect(idat[0] & 0x0F == 8 && (Int(idat[0]) << 8 | Int(idat[1])) % 31 == 0)
    }

    @Test func pngIsCompressed() throws {
        let code = try QREncoder.encode([UInt8](repeating: 0x61, count: 2953), correction: .low)
        let png = QRImageRenderer.png(code)
        let rawBytes = (177 + 8) * 8 * (1 + ((177 + 8) * 8 + 7) / 8)
        #expect(png.count < rawBytes / 10)
    }

    @Test func dataURLWrapsThePNG() throws {
        let code = try QREncoder.encode("data url")
        let url = QRImageRenderer.pngDataURL(code)
        let prefix = "data:image/png;base64,"
        #expect(url.hasPrefix(prefix))
        let decoded = try #require(Data(base64Encoded: String(url.dropFirst(prefix.count))))
        #expect(Array(decoded) == QRImageRenderer.png(code))
    }

    @Test func svgIsWellFormedWithOnePath() throws {
        let code = try QREncoder.encode("https://p2p-delivery.example/track/7f3a9c")
        let svg = QRImageRenderer.svg(code, moduleSize: 6, border: 3)
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = SVGElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")

        #expect(collector.elements.map(\.name) == ["svg", "rect", "path"])
        let root = collector.elements[0].attributes
        let side = code.size + 2 * 3
        #expect(root["viewBox"] == "0 0 \(side) \(side)")
        #expect(root["width"] == "\(side * 6)")
        #expect(root["shape-rendering"] == "crispEdges")
        #expect(collector.elements[1].attributes["fill"] == "#ffffff")
        #expect(collector.elements[2].attributes["d"]?.hasPrefix("M3 3h7v1h-7z") == true)
    }

    @Test func svgPathCoversExactlyTheDarkModules() throws {
        let code = try QREncoder.encode("count the modules")
        let svg = QRImageRenderer.svg(code, border: 0)
        // Each subpath is "M x y h n v1 h-n z"; sum the run lengths.
        var coveredModules = 0
        for subpath in svg.split(separator: "M").dropFirst() {
            let afterFirstH = subpath.split(separator: "h").dropFirst().first ?? ""
            coveredModules += Int(afterFirstH.prefix { $0.isNumber }) ?? 0
        }
        var darkModules = 0
        for y in 0..<code.size {
            for x in 0..<code.size where code.isDark(x: x, y: y) {
                darkModules += 1
            }
        }
        #expect(coveredModules == darkModules)
    }

    private func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}

/// Records each element name and its attributes, in document order.
private final class SVGElementCollector: NSObject, XMLParserDelegate {
    private(set) var elements: [(name: String, attributes: [String: String])] = []

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elements.append((elementName, attributeDict))
    }
}
