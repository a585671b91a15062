import Crypto
import Foundation
import Vapor

/// The server's own symmetric secrets: the hashing pepper and the at-rest encryption key.
///
/// Both come from `P2P_SECRET_KEY` (32 bytes, base64) when set, otherwise from `secret.key` in the
/// data directory, generated on first start. Derived sub-keys keep one purpose from weakening another.
public struct PlatformSecrets: Sendable {
    public let hasher: SecretHasher
    public let box: SecretBox

    public init(master: SymmetricKey) {
        let hashingKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: master, info: Data("p2p.hashing".utf8), outputByteCount: 32)
        let encryptionKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: master, info: Data("p2p.encryption".utf8), outputByteCount: 32)
        self.hasher = SecretHasher(key: hashingKey)
        self.box = SecretBox(key: encryptionKey)
    }

    /// Loads the master key from the environment or the data directory.
    public static func load(config: PlatformConfig, environment: [String: String]) throws -> PlatformSecrets {
        if let encoded = environment["P2P_SECRET_KEY"], !encoded.isEmpty {
            guard let bytes = Data(base64Encoded: encoded), bytes.count == 32 else {
                throw Abort(.internalServerError, reason: "P2P_SECRET_KEY must be 32 bytes in base64")
            }
            return PlatformSecrets(master: SymmetricKey(data: bytes))
        }
        let url = config.dataDirectory.appendingPathComponent("keys/secret.key")
        let stored = try KeyFile.loadOrCreate(at: url) {
            Data(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString().utf8)
        }
        guard let text = String(data: stored, encoding: .utf8),
            let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            bytes.count == 32
        else {
            throw Abort(.internalServerError, reason: "\(url.path) is not a 32-byte base64 key")
        }
        return PlatformSecrets(master: SymmetricKey(data: bytes))
    }
}

extension Application {
    private struct SecretsKey: StorageKey {
        typealias Value = PlatformSecrets
    }

    /// Hashing pepper and at-rest encryption; set once in `configure`.
    public var secrets: PlatformSecrets {
        get {
            guard let secrets = storage[SecretsKey.self] else { fatalError("secrets read before configure(_:)") }
            return secrets
        }
        set { storage[SecretsKey.self] = newValue }
    }
}
