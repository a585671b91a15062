import Foundation
import JWTKit
import TestSupport
import Testing

@testable import Auth

@Suite("Signing keys and JWKS")
struct SigningKeyTests {
    struct Claims: JWTPayload {
        var sub: SubjectClaim
        var exp: ExpirationClaim
        var roles: [String]
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    @Test("an access token verifies offline against the published JWKS")
    func offlineVerification() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("jwks@example.com")
            let jwks = try await t.request(.GET, "/.well-known/jwks.json")
            #expect(jwks.status == .ok)
            let keys = try #require(jwks.json["keys"] as? [[String: String]])
            #expect(keys.count == 1)
            #expect(keys[0]["kty"] == "OKP" && keys[0]["crv"] == "Ed25519" && keys[0]["alg"] == "EdDSA")
            #expect(keys[0]["d"] == nil)
            let gateway = JWTKeyCollection()
            try await gateway.add(jwksJSON: jwks.text)
            let claims = try await gateway.verify(account.accessToken, as: Claims.self)
            #expect(claims.sub.value == account.id)
            #expect(claims.roles == ["customer", "traveler"])
        }
    }

    @Test("rotation keeps the previous key valid for its tokens and publishes both")
    func rotation() async throws {
        try await withTestApp { t in
            let directory = t.dataDirectory
            let before = try await SigningKeyRing.load(
                dataDirectory: directory, environment: [:], now: Date(), tokenLifetime: 900)
            let (fresh, retired) = try SigningKeyRing.rotate(dataDirectory: directory, now: Date())
            #expect(retired == before.signingKid)
            let after = try await SigningKeyRing.load(
                dataDirectory: directory, environment: [:], now: Date(), tokenLifetime: 900)
            #expect(after.signingKid == fresh)
            #expect(Set(after.jwks()["keys"]?.compactMap { $0["kid"] } ?? []) == [fresh, before.signingKid])
            let old = try await before.sign(
                Claims(sub: "u", exp: ExpirationClaim(value: Date().addingTimeInterval(60)), roles: []))
            #expect(try await after.verify(old, as: Claims.self).sub.value == "u")
            // Once the retired key's tokens have expired it is dropped.
            let later = try await SigningKeyRing.load(
                dataDirectory: directory, environment: [:], now: Date().addingTimeInterval(3600), tokenLifetime: 900)
            #expect(later.jwks()["keys"]?.count == 1)
            await #expect(throws: (any Error).self) { try await later.verify(old, as: Claims.self) }
        }
    }

    @Test("JWT_PRIVATE_KEY (base64 seed) is used as the signing key")
    func configuredKey() async throws {
        let seed = Data((0..<32).map { UInt8($0) }).base64EncodedString()
        let ring = try await SigningKeyRing.load(
            dataDirectory: FileManager.default.temporaryDirectory, environment: ["JWT_PRIVATE_KEY": seed], now: Date(),
            tokenLifetime: 900)
        let again = try await SigningKeyRing.load(
            dataDirectory: FileManager.default.temporaryDirectory, environment: ["JWT_PRIVATE_KEY": seed], now: Date(),
            tokenLifetime: 900)
        #expect(ring.signingKid == again.signingKid)
        await #expect(throws: (any Error).self) {
            try await SigningKeyRing.load(
                dataDirectory: FileManager.default.temporaryDirectory, environment: ["JWT_PRIVATE_KEY": "short"],
                now: Date(),
                tokenLifetime: 900)
        }
    }
}
