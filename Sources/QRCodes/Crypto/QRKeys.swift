import Crypto
import Foundation
import Platform
import Vapor

/// The QR key: `QR_ENCRYPTION_KEY` (32 bytes, base64) when set, otherwise `keys/qr.key` in the data directory,
/// generated on first start. Its own key, not a derivation of the platform secret, so that it can be rotated
/// (every live code reissued) without touching anything else.
public struct QRKeys: Sendable {
    public let sealer: QRSealer
    /// Derives backup codes; separate from the sealing key so one use cannot weaken the other.
    public let backupKey: SymmetricKey

    public init(key: SymmetricKey) {
        sealer = QRSealer(
            key: HKDF<SHA256>.deriveKey(
                inputKeyMaterial: key, info: Data("p2p.qr.seal".utf8), outputByteCount: 32))
        backupKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: key, info: Data("p2p.qr.backup".utf8), outputByteCount: 32)
    }

    public static func load(config: PlatformConfig, environment: [String: String]) throws -> QRKeys {
        if let encoded = environment["QR_ENCRYPTION_KEY"], !encoded.isEmpty {
            guard let bytes = Data(base64Encoded: encoded), bytes.count == 32 else {
                throw InvalidSetting(
                    "QR_ENCRYPTION_KEY", value: "(hidden)",
                    reason: "must be 32 bytes in base64 (openssl rand -base64 32)")
            }
            return QRKeys(key: SymmetricKey(data: bytes))
        }
        let url = config.dataDirectory.appendingPathComponent("keys/qr.key")
        let stored = try KeyFile.loadOrCreate(at: url) {
            Data(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString().utf8)
        }
        guard let text = String(data: stored, encoding: .utf8),
            let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32
        else {
            throw InvalidSetting("QR_ENCRYPTION_KEY", value: url.path, reason: "the key file is not 32 bytes in base64")
        }
        return QRKeys(key: SymmetricKey(data: bytes))
    }
}

extension Application {
    private struct QRKeysKey: StorageKey {
        typealias Value = QRKeys
    }

    public var qrKeys: QRKeys {
        get {
            guard let keys = storage[QRKeysKey.self] else { fatalError("QR keys read before the QR module booted") }
            return keys
        }
        set { storage[QRKeysKey.self] = newValue }
    }
}

extension CallContext {
    public var qrKeys: QRKeys { application.qrKeys }
}
