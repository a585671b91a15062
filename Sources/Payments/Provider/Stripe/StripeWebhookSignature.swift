import Crypto
import Foundation

/// Tells a webhook Stripe sent from one anybody could post: the `Stripe-Signature` header
/// (`t=<unix seconds>,v1=<hex>,…`) holds HMAC-SHA256 signatures, with the endpoint's signing secret, of
/// `"<t>.<raw body>"`.
///
/// Any one `v1` signature may match (Stripe signs with the old and the new secret while one is rolled); `v0` and
/// other schemes are ignored. The timestamp must be within `tolerance` of `now`, so a captured request cannot be
/// replayed later; `now` is a parameter so tests fix the clock.
public struct StripeWebhookSignature: Sendable {
    /// Why a webhook is refused.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// No header, or one that is not `t=<integer>,<scheme>=<value>,…`.
        case malformedHeader
        /// The header has no signature of the `v1` scheme.
        case noV1Signature
        /// No `v1` signature is the body's under this secret: another secret, or a changed body.
        case noMatchingSignature
        /// Signed, but too long before or after now.
        case timestampOutsideTolerance

        public var description: String {
            switch self {
            case .malformedHeader: "the Stripe-Signature header is missing or malformed"
            case .noV1Signature: "the Stripe-Signature header has no v1 signature"
            case .noMatchingSignature: "no signature in the Stripe-Signature header matches the body"
            case .timestampOutsideTolerance: "the Stripe-Signature timestamp is outside the tolerance"
            }
        }
    }

    private let key: SymmetricKey
    /// Stripe's libraries allow five minutes either way.
    public var tolerance: TimeInterval

    /// `secret` is the endpoint's signing secret (`whsec_…`), used as it is written.
    public init(secret: String, tolerance: TimeInterval = 300) {
        key = SymmetricKey(data: Data(secret.utf8))
        self.tolerance = tolerance
    }

    /// Returns when `header` signs `payload`, the body's bytes exactly as received, within the tolerance of `now`.
    public func verify(payload: some DataProtocol, header: String?, now: Date) throws(Failure) {
        guard let header, let parsed = SignatureHeader(header) else { throw .malformedHeader }
        guard !parsed.signatures.isEmpty else { throw .noV1Signature }
        let expected = HMAC<SHA256>.authenticationCode(
            for: Self.signedPayload(payload, timestamp: parsed.timestamp), using: key)
        // The MAC's `==` compares in constant time.
        guard parsed.signatures.contains(where: { expected == $0 }) else { throw .noMatchingSignature }
        guard abs(now.timeIntervalSince1970 - TimeInterval(parsed.timestamp)) <= tolerance else {
            throw .timestampOutsideTolerance
        }
    }

    /// A `Stripe-Signature` header for `payload` as Stripe would send it, for tests and the local webhook sender.
    public static func sign(payload: some DataProtocol, secret: String, timestamp: Date) -> String {
        let seconds = Int(timestamp.timeIntervalSince1970.rounded(.down))
        let signature = HMAC<SHA256>.authenticationCode(
            for: signedPayload(payload, timestamp: seconds), using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(seconds),v1=" + signature.map { String(format: "%02x", $0) }.joined()
    }

    private static func signedPayload(_ payload: some DataProtocol, timestamp: Int) -> Data {
        Data("\(timestamp).".utf8) + Data(payload)
    }
}

/// `t=<unix seconds>,v1=<hex>,v1=<hex>,v0=<hex>`: the timestamp and the `v1` signatures, as bytes.
private struct SignatureHeader {
    var timestamp: Int
    /// A `v1` value that is not hexadecimal stays in the list as no bytes, which no signature equals: it is a
    /// signature that does not match, not a missing one.
    var signatures: [Data]

    init?(_ header: String) {
        var timestamp: Int?
        var signatures: [Data] = []
        for item in header.split(separator: ",") {
            guard let equals = item.firstIndex(of: "=") else { return nil }
            let scheme = item[..<equals].trimmingCharacters(in: .whitespaces)
            let value = item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            switch scheme {
            case "t":
                guard timestamp == nil, let seconds = Int(value) else { return nil }
                timestamp = seconds
            case "v1":
                signatures.append(Self.bytes(hex: value) ?? Data())
            default:
                continue
            }
        }
        guard let timestamp else { return nil }
        self.timestamp = timestamp
        self.signatures = signatures
    }

    private static func bytes(hex: String) -> Data? {
        let digits = Array(hex.utf8)
        guard !digits.isEmpty, digits.count.isMultiple(of: 2) else { return nil }
        var bytes = Data(capacity: digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(of: digits[index]), let low = value(of: digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
