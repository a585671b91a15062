import Crypto
import Foundation

/// Random secrets handed to users: opaque tokens, numeric codes, referral codes.
public enum RandomToken {
    /// URL-safe base64 of `byteCount` random bytes.
    public static func opaque(byteCount: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64URLEncodedString()
    }

    /// A numeric code of `digits` digits, leading zeros allowed ("042917").
    public static func numericCode(digits: Int = 6) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    /// Upper-case letters and digits without look-alikes (no 0/O, 1/I/L).
    public static func code(length: Int, alphabet: String = "ABCDEFGHJKMNPQRSTUVWXYZ23456789") -> String {
        var generator = SystemRandomNumberGenerator()
        let symbols = Array(alphabet)
        return String((0..<length).map { _ in symbols[Int.random(in: 0..<symbols.count, using: &generator)] })
    }
}

extension Data {
    /// Base64url without padding (RFC 4648 §5), as JWTs and JWKs use.
    ///
    /// Byte by byte over the base64 text rather than three `replacingOccurrences` on a `String`: those went
    /// through Foundation's `NSString` and were two thirds of sealing a QR code (BENCHMARKS.md, "QR codes").
    public func base64URLEncodedString() -> String {
        var bytes = Array(base64EncodedData())
        while bytes.last == UInt8(ascii: "=") { bytes.removeLast() }
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "+"): bytes[index] = UInt8(ascii: "-")
            case UInt8(ascii: "/"): bytes[index] = UInt8(ascii: "_")
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes base64url with or without padding.
    public init?(base64URLEncoded text: String) {
        var bytes = Array(text.utf8)
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "-"): bytes[index] = UInt8(ascii: "+")
            case UInt8(ascii: "_"): bytes[index] = UInt8(ascii: "/")
            default: break
            }
        }
        while bytes.count % 4 != 0 { bytes.append(UInt8(ascii: "=")) }
        self.init(base64Encoded: Data(bytes))
    }
}
