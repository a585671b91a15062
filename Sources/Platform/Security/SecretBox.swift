import Crypto
import Foundation

/// Encrypts secrets the server must read back later (TOTP seeds), with AES-256-GCM.
///
/// The sealed form is `v1:<base64 nonce‖ciphertext‖tag>`, so a database dump alone reveals nothing.
public struct SecretBox: Sendable {
    private let key: SymmetricKey

    public init(key: SymmetricKey) {
        self.key = key
    }

    public func seal(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key)
        guard let combined = box.combined else { throw SecretBoxError.sealFailed }
        return "v1:" + combined.base64EncodedString()
    }

    public func open(_ sealed: String) throws -> String {
        guard sealed.hasPrefix("v1:"), let combined = Data(base64Encoded: String(sealed.dropFirst(3))) else {
            throw SecretBoxError.malformed
        }
        let box = try AES.GCM.SealedBox(combined: combined)
        let plaintext = try AES.GCM.open(box, using: key)
        guard let text = String(data: plaintext, encoding: .utf8) else { throw SecretBoxError.malformed }
        return text
    }
}

public enum SecretBoxError: Error, Sendable {
    case sealFailed
    case malformed
}
