import Crypto
import Foundation
import Platform

/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as authenticator apps use.
struct TOTP: Sendable {
    static let period: TimeInterval = 30
    static let digits = 6

    let secret: [UInt8]

    /// The time step a moment falls in.
    static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / period).rounded(.down))
    }

    /// The code for a time step (RFC 4226 HOTP with the step as counter).
    func code(forStep step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        let value = binary % 1_000_000
        let text = String(value)
        return String(repeating: "0", count: Self.digits - text.count) + text
    }

    func code(at date: Date) -> String {
        code(forStep: Self.step(at: date))
    }

    /// The step whose code matches, allowing one step of clock drift either way; nil when none does.
    func matchingStep(for candidate: String, at date: Date, drift: Int64 = 1) -> Int64? {
        let trimmed = candidate.filter { !$0.isWhitespace }
        guard trimmed.count == Self.digits, trimmed.allSatisfy(\.isNumber) else { return nil }
        let now = Self.step(at: date)
        for step in (now - drift)...(now + drift) where ConstantTime.equals(code(forStep: step), trimmed) {
            return step
        }
        return nil
    }

    /// The `otpauth://` URI authenticator apps import (Key URI Format).
    func provisioningURI(account: String, issuer: String) -> String {
        var components = URLComponents()
        components.scheme = "otpauth"
        components.host = "totp"
        components.path = "/\(issuer):\(account)"
        components.queryItems = [
            URLQueryItem(name: "secret", value: Base32.encode(secret)),
            URLQueryItem(name: "issuer", value: issuer),
            URLQueryItem(name: "algorithm", value: "SHA1"),
            URLQueryItem(name: "digits", value: String(Self.digits)),
            URLQueryItem(name: "period", value: String(Int(Self.period))),
        ]
        return components.string ?? ""
    }
}
