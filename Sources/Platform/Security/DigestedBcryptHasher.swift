import Crypto
import Foundation
import Vapor

/// bcrypt over a SHA-256 digest of the password, so every byte of it counts.
///
/// bcrypt reads at most 72 bytes and silently ignores the rest: two 100-character passphrases sharing their first
/// 72 bytes would be the same password. Hashing the password first (base64 of SHA-256: 44 bytes, and no zero byte,
/// which bcrypt would take for the end) gives bcrypt a fixed-size input that depends on all of it. No pepper: the
/// hashes must survive a rotation of the platform secret.
public struct DigestedBcryptHasher: PasswordHasher {
    public let cost: Int

    public init(cost: Int) {
        self.cost = cost
    }

    public func hash<Password: DataProtocol>(_ password: Password) throws -> [UInt8] {
        Array(try Bcrypt.hash(Self.digest(password), cost: cost).utf8)
    }

    public func verify<Password: DataProtocol, Digest: DataProtocol>(
        _ password: Password, created digest: Digest
    ) throws -> Bool {
        try Bcrypt.verify(Self.digest(password), created: String(decoding: digest, as: UTF8.self))
    }

    static func digest<Password: DataProtocol>(_ password: Password) -> String {
        Data(SHA256.hash(data: Data(password))).base64EncodedString()
    }
}
