import Vapor

/// The authenticated caller of a request, built from a verified access token.
public struct Principal: Authenticatable, Sendable, Equatable {
    public var userId: UUID
    public var userType: UserType
    public var verificationLevel: VerificationLevel
    /// The session the token belongs to; revoking it ends the token's validity.
    public var sessionId: UUID
    /// The token's `jti`.
    public var tokenId: String
    /// When the token expires.
    public var expiresAt: Date

    public init(
        userId: UUID, userType: UserType, verificationLevel: VerificationLevel, sessionId: UUID, tokenId: String,
        expiresAt: Date
    ) {
        self.userId = userId
        self.userType = userType
        self.verificationLevel = verificationLevel
        self.sessionId = sessionId
        self.tokenId = tokenId
        self.expiresAt = expiresAt
    }

    public var isAdmin: Bool { userType.isAdmin }
}

/// Verifies a bearer access token and returns who it belongs to.
///
/// `Auth` provides the implementation; modules below it in the dependency graph authenticate through
/// this seam without importing `Auth`.
public protocol AccessTokenVerifier: Sendable {
    /// `context` is the request's, before anyone is signed in.
    func verify(_ token: String, context: CallContext) async throws -> Principal
}

extension Application {
    private struct VerifierKey: StorageKey {
        typealias Value = any AccessTokenVerifier
    }

    /// Set by the `Auth` module when it boots.
    public var accessTokenVerifier: (any AccessTokenVerifier)? {
        get { storage[VerifierKey.self] }
        set { storage[VerifierKey.self] = newValue }
    }
}

extension Request {
    /// The authenticated caller, or 401.
    public var principal: Principal {
        get throws {
            guard let principal = auth.get(Principal.self) else { throw APIError.unauthorized() }
            return principal
        }
    }
}
