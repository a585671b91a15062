import Fluent
import JWTKit
import Platform
import Vapor

/// Verifies access tokens: signature and `kid` against the key ring, expiry against the application clock,
/// and the session still open, so signing out ends a token before it expires.
struct AuthTokenVerifier: AccessTokenVerifier {
    func verify(_ token: String, context: CallContext) async throws -> Principal {
        let claims: AccessTokenClaims
        do {
            claims = try await context.keyRing.verify(token, as: AccessTokenClaims.self)
        } catch {
            throw AuthError.invalidToken
        }
        guard claims.iss.value == context.authSettings.issuer else { throw AuthError.invalidToken }
        guard claims.exp.value > context.now else { throw AuthError.tokenExpired }
        guard let userId = UUID(uuidString: claims.sub.value), let sessionId = UUID(uuidString: claims.sid),
            let userType = UserType(rawValue: claims.userType),
            let level = VerificationLevel(rawValue: claims.verificationLevel)
        else { throw AuthError.invalidToken }
        // Every authenticated request asks this: two columns through SQL, not a session model.
        let session = try await context.db.sqlDatabase.raw(
            "SELECT user_id, revoked_at FROM user_sessions WHERE id = \(bind: sessionId)"
        ).first()
        guard let session, try session.decode(column: "user_id", as: UUID.self) == userId,
            try session.decode(column: "revoked_at", as: Date?.self) == nil
        else { throw AuthError.sessionRevoked }
        return Principal(
            userId: userId, userType: userType, verificationLevel: level, sessionId: sessionId,
            tokenId: claims.jti.value, expiresAt: claims.exp.value)
    }
}
