import Crypto
import Foundation
import Platform

/// Seals and opens handoff payloads with AES-256-GCM under the QR key.
///
/// The text in the symbol is `P2PQR1.` + base64url(nonce ‖ ciphertext ‖ tag). GCM authenticates the
/// ciphertext together with the prefix, so a payload changed by one bit, or sealed under another key, does not
/// open: that is how a tampered code is told from a genuine one without a database read.
public struct QRSealer: Sendable {
    public static let prefix = "P2PQR1."
    private static let associatedData = Data("p2p.qr.v1".utf8)

    private let key: SymmetricKey

    public init(key: SymmetricKey) {
        self.key = key
    }

    public enum OpenError: Error, Equatable, Sendable {
        /// Not a platform code at all (another app's QR, a URL, garbage).
        case foreign
        /// A platform code that does not authenticate: altered, or sealed under another key.
        case tampered
    }

    public func seal(_ payload: QRPayload) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let box = try AES.GCM.seal(try encoder.encode(payload), using: key, authenticating: Self.associatedData)
        guard let combined = box.combined else { throw OpenError.tampered }
        return Self.prefix + combined.base64URLEncodedString()
    }

    public func open(_ text: String) throws(OpenError) -> QRPayload {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(Self.prefix) else { throw .foreign }
        guard let combined = Data(base64URLEncoded: String(trimmed.dropFirst(Self.prefix.count))),
            let box = try? AES.GCM.SealedBox(combined: combined),
            let plain = try? AES.GCM.open(box, using: key, authenticating: Self.associatedData),
            let payload = try? JSONDecoder().decode(QRPayload.self, from: plain), payload.v == 1
        else { throw .tampered }
        return payload
    }
}
