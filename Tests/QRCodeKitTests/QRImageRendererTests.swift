import Foundation
import Testing

@testable import QRCodeKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("QR image rendering")
struct QRImageRendererTests {
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
