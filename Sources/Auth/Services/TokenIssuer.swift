import Fluent
import JWTKit
import Platform
import Vapor

/// Signs access tokens for a session and completes sign-ins.
struct TokenIssuer {
    let context: CallContext

    private var settings: AuthSettings { context.authSettings }

    func accessToken(for user: User, sessionId: UUID) async throws -> String {
        // JWT NumericDate claims are whole seconds.
        let now = Date(timeIntervalSince1970: context.now.timeIntervalSince1970.rounded(.down))
        let claims = AccessTokenClaims(
            sub: SubjectClaim(value: try user.requireID().uuidString), sid: sessionId.uuidString,
            jti: IDClaim(value: UUID().uuidString), iss: IssuerClaim(value: settings.issuer),
            iat: IssuedAtClaim(value: now),
            exp: ExpirationClaim(value: now.addingTimeInterval(settings.accessTokenLifetime)),
            typ: AccessTokenClaims.type, roles: AccessTokenClaims.roles(for: user.userType),
            userType: user.userType.rawValue, verificationLevel: user.verificationLevel.rawValue)
        return try await context.keyRing.sign(claims)
    }

    /// Opens a session and returns the sign-in body; records the login on the account.
    func signIn(_ user: User, device: DeviceInfo?, db: any Database, method: String) async throws -> SignInResponse {
        let sessions = SessionService(context: context.on(db))
        let (session, refreshToken) = try await sessions.open(for: user, device: device)
        let sessionId = try session.requireID()
        user.lastLoginAt = context.now
        try await user.save(on: db)
        let tokens = TokenPair(
            accessToken: try await accessToken(for: user, sessionId: sessionId), refreshToken: refreshToken,
            expiresIn: Int(settings.accessTokenLifetime))
        try await AuditTrail.record(
            "login", category: "security", userId: user.id, entityType: "session", entityId: sessionId.uuidString,
            metadata: ["method": method, "newDevice": String(session.isNewDevice)], context: context.on(db))
        if session.isNewDevice && user.loginAlertsEnabled {
            try await AuthMail.newDevice(user: user, session: session, context: context.on(db))
        }
        return try SignInResponse(tokens: tokens, sessionId: sessionId, user: user)
    }

    func twoFactorChallenge(for user: User, device: DeviceInfo?) async throws -> TwoFactorChallengeResponse {
        let claims = TwoFactorChallengeClaims(
            sub: SubjectClaim(value: try user.requireID().uuidString), jti: IDClaim(value: UUID().uuidString),
            iss: IssuerClaim(value: settings.issuer),
            exp: ExpirationClaim(value: context.now.addingTimeInterval(settings.twoFactorChallengeLifetime)),
            typ: TwoFactorChallengeClaims.type, device: device)
        return TwoFactorChallengeResponse(
            tempToken: try await context.keyRing.sign(claims),
            expiresIn: Int(settings.twoFactorChallengeLifetime))
    }

    /// Verifies a challenge token and returns its user id and device.
    func readChallenge(_ token: String) async throws -> (UUID, DeviceInfo?) {
        let claims: TwoFactorChallengeClaims
        do {
            claims = try await context.keyRing.verify(token, as: TwoFactorChallengeClaims.self)
        } catch {
            throw AuthError.invalidToken
        }
        guard claims.exp.value > context.now else { throw AuthError.tokenExpired }
        guard let userId = UUID(uuidString: claims.sub.value) else { throw AuthError.invalidToken }
        return (userId, claims.device)
    }
}
