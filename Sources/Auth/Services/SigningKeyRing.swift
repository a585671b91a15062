import Crypto
import Foundation
import JWTKit
import NIOConcurrencyHelpers
import Platform

/// The Ed25519 keys that sign access tokens, and the public keys still accepted.
///
/// Keys come from `JWT_PRIVATE_KEY` (one key, shared by every node) or from `keys/jwt-keys.json` in the data
/// directory, generated on first start and rotated with `p2p keys rotate`. A retired key keeps verifying
/// (and stays in the JWKS) until the last token it signed has expired.
public final class SigningKeyRing: Sendable {
    struct StoredKey: Codable, Sendable {
        var kid: String
        /// Base64 of the 32-byte Ed25519 seed.
        var privateKey: String
        var createdAt: Date
        var retiredAt: Date?
    }

    struct StoredRing: Codable, Sendable {
        var keys: [StoredKey]
    }

    struct State: Sendable {
        var signingKid: String
        var keys: JWTKeyCollection
        var publicKeys: [(kid: String, key: EdDSA.PublicKey)]
    }

    private let state: NIOLockedValueBox<State>

    private init(state: State) {
        self.state = NIOLockedValueBox(state)
    }

    /// The kid new tokens are signed with.
    public var signingKid: String { state.withLockedValue { $0.signingKid } }

    func sign(_ payload: some JWTPayload) async throws -> String {
        let (keys, kid) = state.withLockedValue { ($0.keys, $0.signingKid) }
        return try await keys.sign(payload, kid: JWKIdentifier(string: kid))
    }

    func verify<Payload: JWTPayload>(_ token: String, as type: Payload.Type) async throws -> Payload {
        let keys = state.withLockedValue { $0.keys }
        return try await keys.verify(token, as: Payload.self)
    }

    /// The JSON Web Key Set of every key that may have signed a live token.
    public func jwks() -> [String: [[String: String]]] {
        let keys = state.withLockedValue { $0.publicKeys }
        return [
            "keys": keys.map { entry in
                [
                    "kty": "OKP", "crv": "Ed25519", "use": "sig", "alg": "EdDSA", "kid": entry.kid,
                    "x": entry.key.rawRepresentation.base64URLEncodedString(),
                ]
            }
        ]
    }

    /// Loads the ring from the environment or the data directory, creating the first key when needed.
    static func load(
        dataDirectory: URL, environment: [String: String], now: Date, tokenLifetime: TimeInterval
    )
        async throws -> SigningKeyRing
    {
        if let configured = environment["JWT_PRIVATE_KEY"], !configured.isEmpty {
            let key = try privateKey(fromConfigured: configured)
            return await SigningKeyRing(state: makeState(signing: key, retired: []))
        }
        let file = ringFile(in: dataDirectory)
        var ring = try readRing(file) ?? StoredRing(keys: [])
        if ring.keys.allSatisfy({ $0.retiredAt != nil }) {
            ring.keys.append(newStoredKey(now: now))
        }
        // Forget retired keys whose last tokens have expired.
        ring.keys.removeAll { key in key.retiredAt.map { $0.addingTimeInterval(tokenLifetime + 60) < now } ?? false }
        try writeRing(ring, to: file)
        guard let current = ring.keys.last(where: { $0.retiredAt == nil }) else {
            throw SigningKeyError.noActiveKey
        }
        let retired = try ring.keys.filter { $0.retiredAt != nil }.map { ($0.kid, try decode($0).publicKey) }
        return await SigningKeyRing(state: makeState(signing: (current.kid, try decode(current)), retired: retired))
    }

    /// Retires the active key and creates a new one; returns (new kid, retired kid).
    static func rotate(dataDirectory: URL, now: Date) throws -> (String, String?) {
        let file = ringFile(in: dataDirectory)
        var ring = try readRing(file) ?? StoredRing(keys: [])
        var retiredKid: String?
        for index in ring.keys.indices where ring.keys[index].retiredAt == nil {
            ring.keys[index].retiredAt = now
            retiredKid = ring.keys[index].kid
        }
        let fresh = newStoredKey(now: now)
        ring.keys.append(fresh)
        try writeRing(ring, to: file)
        return (fresh.kid, retiredKid)
    }

    private static func makeState(
        signing: (kid: String, key: EdDSA.PrivateKey), retired: [(String, EdDSA.PublicKey)]
    ) async -> State {
        let keys = JWTKeyCollection()
        await keys.add(eddsa: signing.key, kid: JWKIdentifier(string: signing.kid))
        for (kid, key) in retired {
            await keys.add(eddsa: key, kid: JWKIdentifier(string: kid))
        }
        let published = [(kid: signing.kid, key: signing.key.publicKey)] + retired.map { (kid: $0.0, key: $0.1) }
        return State(signingKid: signing.kid, keys: keys, publicKeys: published)
    }

    private static func privateKey(fromConfigured text: String) throws -> (String, EdDSA.PrivateKey) {
        let key: EdDSA.PrivateKey
        if text.contains("BEGIN") {
            key = try EdDSA.PrivateKey(pem: text)
        } else if let seed = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), seed.count == 32
        {
            key = EdDSA.PrivateKey(backing: try Curve25519.Signing.PrivateKey(rawRepresentation: seed))
        } else {
            throw SigningKeyError.invalidConfiguredKey
        }
        return (kid(for: key.publicKey), key)
    }

    private static func newStoredKey(now: Date) -> StoredKey {
        let key = Curve25519.Signing.PrivateKey()
        let kid = kid(for: EdDSA.PublicKey(backing: key.publicKey))
        return StoredKey(kid: kid, privateKey: key.rawRepresentation.base64EncodedString(), createdAt: now)
    }

    private static func decode(_ stored: StoredKey) throws -> EdDSA.PrivateKey {
        guard let seed = Data(base64Encoded: stored.privateKey) else { throw SigningKeyError.invalidStoredKey }
        return EdDSA.PrivateKey(backing: try Curve25519.Signing.PrivateKey(rawRepresentation: seed))
    }

    /// A key id derived from the public key (its SHA-256, shortened), stable across restarts.
    static func kid(for key: EdDSA.PublicKey) -> String {
        String(Data(SHA256.hash(data: key.rawRepresentation)).base64URLEncodedString().prefix(16))
    }

    private static func ringFile(in dataDirectory: URL) -> URL {
        dataDirectory.appendingPathComponent("keys/jwt-keys.json")
    }

    private static func readRing(_ file: URL) throws -> StoredRing? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(StoredRing.self, from: data)
    }

    private static func writeRing(_ ring: StoredRing, to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try KeyFile.write(try encoder.encode(ring), to: file)
    }
}

enum SigningKeyError: Error, CustomStringConvertible {
    case noActiveKey
    case invalidConfiguredKey
    case invalidStoredKey

    var description: String {
        switch self {
        case .noActiveKey: "the JWT key ring has no active key"
        case .invalidConfiguredKey: "JWT_PRIVATE_KEY must be an Ed25519 PEM or a base64 32-byte seed"
        case .invalidStoredKey: "keys/jwt-keys.json holds a key that is not a base64 Ed25519 seed"
        }
    }
}
