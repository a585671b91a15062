import Foundation
import JWTKit
import NIOConcurrencyHelpers
import Platform
import Vapor

/// An OpenID Connect issuer whose ID tokens the platform accepts (Google, Apple).
public struct IdentityProvider: Sendable {
    /// Where the provider's signing keys come from.
    public enum KeySource: Sendable {
        /// The provider's JWKS endpoint, fetched and cached.
        case remote(URI)
        /// A fixed JWKS document (tests, air-gapped installs).
        case fixed(String)
    }

    public var name: String
    public var issuers: [String]
    /// The OAuth client id(s) the token's `aud` must name.
    public var audiences: [String]
    public var keySource: KeySource

    public init(name: String, issuers: [String], audiences: [String], keySource: KeySource) {
        self.name = name
        self.issuers = issuers
        self.audiences = audiences
        self.keySource = keySource
    }

    /// Google, when `OIDC_GOOGLE_CLIENT_ID` is set.
    public static func google(clientIds: [String]) -> IdentityProvider {
        IdentityProvider(
            name: "google", issuers: ["https://accounts.google.com", "accounts.google.com"], audiences: clientIds,
            keySource: .remote("https://www.googleapis.com/oauth2/v3/certs"))
    }

    /// Sign in with Apple, when `OIDC_APPLE_CLIENT_ID` is set.
    public static func apple(clientIds: [String]) -> IdentityProvider {
        IdentityProvider(
            name: "apple", issuers: ["https://appleid.apple.com"], audiences: clientIds,
            keySource: .remote("https://appleid.apple.com/auth/keys"))
    }
}

/// The verified facts of an ID token.
struct VerifiedIdentity: Sendable {
    var provider: String
    var subject: String
    var email: String?
    var emailVerified: Bool
    var givenName: String?
    var familyName: String?
}

/// ID-token claims the platform reads.
struct IDTokenClaims: JWTPayload {
    var iss: IssuerClaim
    var sub: SubjectClaim
    var aud: AudienceClaim
    var exp: ExpirationClaim
    var iat: IssuedAtClaim?
    var email: String?
    var emailVerified: FlexibleBool?
    var givenName: String?
    var familyName: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, email
        case emailVerified = "email_verified"
        case givenName = "given_name"
        case familyName = "family_name"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// Apple sends `email_verified` as the string "true"; Google as a boolean.
struct FlexibleBool: Codable, Sendable {
    var value: Bool

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bool = try? container.decode(Bool.self) {
            value = bool
        } else {
            value = (try? container.decode(String.self)) == "true"
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// The configured identity providers and their cached key sets.
public final class IdentityProviderDirectory: Sendable {
    private let providers: NIOLockedValueBox<[String: IdentityProvider]>
    private let cache = NIOLockedValueBox<[String: (keys: JWTKeyCollection, fetchedAt: Date)]>([:])
    private static let cacheLifetime: TimeInterval = 3600

    public init(providers: [IdentityProvider]) {
        self.providers = NIOLockedValueBox(Dictionary(uniqueKeysWithValues: providers.map { ($0.name, $0) }))
    }

    /// Providers from `OIDC_GOOGLE_CLIENT_ID` / `OIDC_APPLE_CLIENT_ID` (comma-separated client ids).
    public static func fromEnvironment(_ environment: [String: String]) -> IdentityProviderDirectory {
        func ids(_ key: String) -> [String] {
            (environment[key] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        var providers: [IdentityProvider] = []
        if !ids("OIDC_GOOGLE_CLIENT_ID").isEmpty { providers.append(.google(clientIds: ids("OIDC_GOOGLE_CLIENT_ID"))) }
        if !ids("OIDC_APPLE_CLIENT_ID").isEmpty { providers.append(.apple(clientIds: ids("OIDC_APPLE_CLIENT_ID"))) }
        return IdentityProviderDirectory(providers: providers)
    }

    /// Adds or replaces a provider (tests install one with keys they generate).
    public func install(_ provider: IdentityProvider) {
        providers.withLockedValue { $0[provider.name] = provider }
        cache.withLockedValue { $0[provider.name] = nil }
    }

    public var names: [String] { providers.withLockedValue { $0.keys.sorted() } }

    /// Verifies an ID token's signature, issuer, audience and expiry for the named provider.
    func verify(idToken: String, provider name: String, context: CallContext) async throws -> VerifiedIdentity {
        guard let provider = providers.withLockedValue({ $0[name] }) else {
            throw APIError(
                .unprocessableEntity, code: "UNSUPPORTED_PROVIDER", reason: "Validation failed",
                details: ["provider must be one of: \(names.joined(separator: ", "))"])
        }
        let keys = try await keySet(for: provider, context: context)
        let claims: IDTokenClaims
        do {
            claims = try await keys.verify(idToken, as: IDTokenClaims.self)
        } catch {
            throw AuthError.invalidToken
        }
        guard provider.issuers.contains(claims.iss.value),
            claims.aud.value.contains(where: provider.audiences.contains)
        else { throw AuthError.invalidToken }
        guard claims.exp.value > context.now else { throw AuthError.tokenExpired }
        return VerifiedIdentity(
            provider: name, subject: claims.sub.value, email: claims.email.map(TextRules.normalizedEmail),
            emailVerified: claims.emailVerified?.value ?? false, givenName: claims.givenName,
            familyName: claims.familyName)
    }

    private func keySet(for provider: IdentityProvider, context: CallContext) async throws -> JWTKeyCollection {
        let now = context.now
        if let cached = cache.withLockedValue({ $0[provider.name] }),
            now.timeIntervalSince(cached.fetchedAt) < Self.cacheLifetime
        {
            return cached.keys
        }
        let json: String
        switch provider.keySource {
        case .fixed(let document):
            json = document
        case .remote(let uri):
            let response = try await context.httpClient.get(uri)
            guard response.status == .ok, let body = response.body.map({ String(buffer: $0) }) else {
                throw APIError(
                    .serviceUnavailable, code: "IDENTITY_PROVIDER_UNAVAILABLE",
                    reason: "Could not reach \(provider.name) to verify the sign-in")
            }
            json = body
        }
        let keys = JWTKeyCollection()
        try await keys.add(jwksJSON: json)
        cache.withLockedValue { $0[provider.name] = (keys, now) }
        return keys
    }
}
