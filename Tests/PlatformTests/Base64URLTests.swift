import Foundation
import Platform
import Testing

/// Base64url (RFC 4648 §5) as tokens, keys and sealed QR codes use it: the URL-safe alphabet, no padding.
@Suite("Base64url")
struct Base64URLTests {
    @Test(
        "RFC 4648's test vectors, with the URL-safe alphabet and without padding",
        arguments: [
            ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ])
    func vectors(plain: String, encoded: String) {
        #expect(Data(plain.utf8).base64URLEncodedString() == encoded)
        #expect(Data(base64URLEncoded: encoded) == Data(plain.utf8))
    }

    @Test("'-' and '_' stand for base64's '+' and '/'; padding is optional when decoding")
    func alphabet() {
        let bytes = Data([0xFB, 0xFF, 0xBF])
        #expect(bytes.base64EncodedString() == "+/+/")
        #expect(bytes.base64URLEncodedString() == "-_-_")
        #expect(Data(base64URLEncoded: "-_-_") == bytes)
        #expect(Data([0xFB]).base64URLEncodedString() == "-w")
        #expect(Data(base64URLEncoded: "-w==") == Data([0xFB]))
        #expect(Data(base64URLEncoded: "-w") == Data([0xFB]))
    }

    @Test("every byte value survives the round trip")
    func roundTrip() {
        for length in 0..<70 {
            let bytes = Data((0..<length).map { UInt8(($0 * 37 + length) % 256) })
            let encoded = bytes.base64URLEncodedString()
            #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
            #expect(Data(base64URLEncoded: encoded) == bytes)
        }
    }

    @Test("text that is not base64url does not decode", arguments: ["Zm9v!", "é", "Zm9vY", "Z"])
    func invalid(text: String) {
        #expect(Data(base64URLEncoded: text) == nil)
    }
}
