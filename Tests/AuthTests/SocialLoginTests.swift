import Auth
import Foundation
import JWTKit
import TestSupport
import Testing

/// An OpenID Connect provider played by the test: it owns an ES256 key and mints ID tokens.
private struct FakeProvider {
    struct IDToken: JWTPayload {
        var iss: IssuerClaim
        var sub: SubjectClaim
        var aud: AudienceClaim
        var exp: ExpirationClaim
        var email: String?
        var email_verified: Bool?
        var given_name: String?
        var family_name: String?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    let key = ES256PrivateKey()
    let kid = "test-key-1"
    let signer = JWTKeyCollection()

    var jwks: String {
        let parameters = key.parameters!
        return
            #"{"keys":[{"kty":"EC","crv":"P-256","alg":"ES256","use":"sig","kid":"\#(kid)","x":"\#(parameters.x)","y":"\#(parameters.y)"}]}"#
    }

    func install(in t: TestApp, name: String = "google") async {
        await signer.add(ecdsa: key, kid: JWKIdentifier(string: kid))
        t.app.auth.identityProviders.install(
            IdentityProvider(
                name: name, issuers: ["https://accounts.google.com"], audiences: ["client-123"], keySource: .fixed(jwks)
            ))
    }

    func token(
        sub: String, email: String?, verified: Bool = true, audience: String = "client-123",
        issuer: String = "https://accounts.google.com", expires: Date
    ) async throws -> String {
        try await signer.sign(
            IDToken(
                iss: IssuerClaim(value: issuer), sub: SubjectClaim(value: sub), aud: AudienceClaim(value: [audience]),
                exp: ExpirationClaim(value: expires), email: email, email_verified: verified, given_name: "Sam",
                family_name: "Social"),
            kid: JWKIdentifier(string: kid))
    }
}

@Suite("Social login (OpenID Connect)")
struct SocialLoginTests {
    @Test("a new identity signs up, then signs in again; link list shows it")
    func signUpAndIn() async throws {
        try await withTestApp { t in
            let provider = FakeProvider()
            await provider.install(in: t)
            let idToken = try await provider.token(
                sub: "g-1", email: "Sam@Example.com", expires: t.clock.now().addingTimeInterval(600))
            let missingConsent = try await t.request(
                .POST, "/api/v1/auth/social-login", json: ["provider": "google", "idToken": idToken])
            #expect(missingConsent.status == .unprocessableEntity)
            let first = try await t.request(
                .POST, "/api/v1/auth/social-login",
                json: [
                    "provider": "google", "idToken": idToken, "userType": "traveler", "acceptedTerms": true,
                    "acceptedPrivacy": true,
                ])
            #expect(first.status == .ok)
            #expect(first.string("data.user.email") == "sam@example.com")
            #expect(first.string("data.user.status") == "active")
            #expect(first.string("data.user.firstName") == "Sam")
            let again = try await t.request(
                .POST, "/api/v1/auth/social-login", json: ["provider": "google", "idToken": idToken])
            #expect(again.string("data.user.id") == first.string("data.user.id"))
            let linked = try await t.request(
                .GET, "/api/v1/auth/social/linked", token: again.string("data.accessToken"))
            #expect(linked.list.map { $0["provider"] as? String } == ["google"])
            // The only way in cannot be unlinked.
            let unlink = try await t.request(
                .DELETE, "/api/v1/auth/social/google", token: again.string("data.accessToken"))
            #expect(unlink.code == "LAST_SIGN_IN_METHOD")
        }
    }

    @Test("bad signature, wrong audience, wrong issuer, expired token and unknown provider are refused")
    func rejects() async throws {
        try await withTestApp { t in
            let provider = FakeProvider()
            await provider.install(in: t)
            let impostor = FakeProvider()
            await impostor.signer.add(ecdsa: impostor.key, kid: JWKIdentifier(string: provider.kid))
            let later = t.clock.now().addingTimeInterval(600)
            let cases: [(String, String)] = [
                (try await impostor.token(sub: "x", email: "x@example.com", expires: later), "INVALID_TOKEN"),
                (
                    try await provider.token(
                        sub: "x", email: "x@example.com", audience: "someone-else", expires: later), "INVALID_TOKEN"
                ),
                (
                    try await provider.token(
                        sub: "x", email: "x@example.com", issuer: "https://evil.example", expires: later),
                    "INVALID_TOKEN"
                ),
                (
                    try await provider.token(
                        sub: "x", email: "x@example.com", expires: t.clock.now().addingTimeInterval(-1)),
                    "TOKEN_EXPIRED"
                ),
            ]
            for (token, code) in cases {
                let response = try await t.request(
                    .POST, "/api/v1/auth/social-login",
                    json: ["provider": "google", "idToken": token, "acceptedTerms": true, "acceptedPrivacy": true])
                #expect(response.status == .unauthorized)
                #expect(response.code == code)
            }
            let unknown = try await t.request(
                .POST, "/api/v1/auth/social-login", json: ["provider": "myspace", "idToken": "x"])
            #expect(unknown.code == "UNSUPPORTED_PROVIDER")
            let unverified = try await provider.token(sub: "u", email: "u@example.com", verified: false, expires: later)
            let noEmail = try await t.request(
                .POST, "/api/v1/auth/social-login",
                json: ["provider": "google", "idToken": unverified, "acceptedTerms": true, "acceptedPrivacy": true])
            #expect(noEmail.code == "EMAIL_NOT_PROVIDED")
        }
    }

    @Test("an existing account is never taken over: it must sign in and link")
    func linkExisting() async throws {
        try await withTestApp { t in
            let provider = FakeProvider()
            await provider.install(in: t)
            let account = try await t.signUp("owner@example.com")
            let token = try await provider.token(
                sub: "g-owner", email: "owner@example.com", expires: t.clock.now().addingTimeInterval(600))
            let takeover = try await t.request(
                .POST, "/api/v1/auth/social-login",
                json: ["provider": "google", "idToken": token, "acceptedTerms": true, "acceptedPrivacy": true])
            #expect(takeover.status == .conflict)
            #expect(takeover.code == "ACCOUNT_EXISTS")

            let linked = try await t.request(
                .POST, "/api/v1/auth/social/link", json: ["provider": "google", "idToken": token],
                token: account.accessToken)
            #expect(linked.status == .created)
            let twice = try await t.request(
                .POST, "/api/v1/auth/social/link",
                json: [
                    "provider": "google",
                    "idToken": try await provider.token(
                        sub: "g-other", email: "o@example.com", expires: t.clock.now().addingTimeInterval(600)),
                ], token: account.accessToken)
            #expect(twice.code == "PROVIDER_ALREADY_LINKED")
            let viaSocial = try await t.request(
                .POST, "/api/v1/auth/social-login", json: ["provider": "google", "idToken": token])
            #expect(viaSocial.string("data.user.id") == account.id)

            let stranger = try await t.signUp("stranger@example.com")
            let stolen = try await t.request(
                .POST, "/api/v1/auth/social/link", json: ["provider": "google", "idToken": token],
                token: stranger.accessToken)
            #expect(stolen.code == "IDENTITY_IN_USE")

            let unlinked = try await t.request(.DELETE, "/api/v1/auth/social/google", token: account.accessToken)
            #expect(unlinked.status == .ok)
            let gone = try await t.request(.DELETE, "/api/v1/auth/social/google", token: account.accessToken)
            #expect(gone.status == .notFound)
        }
    }
}
