import Foundation
import TestSupport
import Testing

@testable import QRCodeKit

@Suite("QR round trips through zbarimg")
struct QRRoundTripTests {
    static let base64Payload: String = {
        let bytes = (0..<225).map { UInt8(truncatingIfNeeded: $0 &* 73 &+ 11) }
        return Data(bytes).base64EncodedString()
    }()

    static let samples: [(name: String, text: String)] = [
        ("short text", "Hello, courier!"),
        ("URL", "https://p2p-delivery.example/track/7f3a9c?lang=en&ref=qr"),
        ("300-byte base64", base64Payload),
        ("numeric", "202611210042137"),
        ("alphanumeric", "HTTPS://P2P.EXAMPLE/PARCEL/AB-12 $%*+./:"),
        ("UTF-8", "Доставка посылки — café 配達 📦"),
    ]

    @Test(arguments: 0..<samples.count)
    func decodesSample(index: Int) throws {
        let sample = Self.samples[index]
        let code = try QREncoder.encode(sample.text)
        let decoded = try ZBarReader.decode(png: QRImageRenderer.png(code))
        #expect(decoded == sample.text, "\(sample.name) (version \(code.version))")
    }

    @Test func base64SampleNeedsALargeVersion() throws {
        #expect(Self.base64Payload.utf8.count == 300)
        #expect(try QREncoder.encode(Self.base64Payload).version > 10)
    }

    /// A delivery manifest of about 2 KB drawn at the default 8 pixels per module: close to the largest symbol,
    /// and the largest image the renderer draws, so the zlib-compressed PNG is read at full size.
    @Test func decodesALargePayloadAtTheDefaultSize() throws {
        let text = (1...36).map { "parcel \($0): handed over at gate \($0 % 7), signed by courier \($0 * 37 % 100)" }
            .joined(separator: "; ")
        #expect(text.utf8.count > 1_900)
        let code = try QREncoder.encode(text)
        #expect(code.version >= 35)
        #expect(try ZBarReader.decode(png: QRImageRenderer.png(code)) == text)
    }

    @Test(arguments: [QRErrorCorrection.low, .medium, .quartile, .high])
    func decodesEveryCorrectionLevel(correction: QRErrorCorrection) throws {
        let text = "parcel 42 handed over"
        let code = try QREncoder.encode(text, correction: correction)
        #expect(try ZBarReader.decode(png: QRImageRenderer.png(code, moduleSize: 4)) == text)
    }

    /// Forcing each mask on a version 7 symbol also exercises the version-information blocks.
    @Test(arguments: 0..<8)
    func decodesEveryMask(mask: Int) throws {
        let text = "mask test for a version seven symbol"
        let code = try QREncoder.encode(Array(text.utf8), correction: .medium, minimumVersion: 7, forcedMask: mask)
        #expect(code.version == 7 && code.mask == mask)
        #expect(try ZBarReader.decode(png: QRImageRenderer.png(code, moduleSize: 4)) == text)
    }

    /// Fills every version at every level to capacity, checking the block tables and alignment positions.
    @Test(arguments: 1...40)
    func decodesFullSymbolOfVersion(version: Int) throws {
        for correction in QRErrorCorrection.allCases {
            let capacityBits = QRTables.dataCodewordCount(version: version, correction: correction) * 8
            let headerBits = 4 + QRMode.byte.characterCountBits(version: version)
            let length = (capacityBits - headerBits) / 8
            let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
            let bytes = (0..<length).map { alphabet[($0 * 7 + $0 / 38) % alphabet.count] }
            let code = try QREncoder.encode(bytes, correction: correction)
            #expect(code.version == version, "\(correction)")
            let decoded = try ZBarReader.decode(png: QRImageRenderer.png(code, moduleSize: 3, border: 4))
            #expect(decoded == String(decoding: bytes, as: UTF8.self), "version \(version) \(correction)")
        }
    }
}
