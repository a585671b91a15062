import Crypto
import Fluent
import Platform
import Vapor

/// Creates, rotates and revokes sign-in sessions; the refresh token is the session's bearer secret.
struct SessionService {
    let context: CallContext
    private var db: any Database { context.db }

    private var settings: AuthSettings { context.authSettings }

    /// Opens a session for `user` and returns it with its (plain) refresh token.
    func open(for user: User, device: DeviceInfo?) async throws -> (UserSession, String) {
        let userId = try user.requireID()
        let fingerprint = Self.fingerprint(device: device, userAgent: context.origin.userAgent)
        let knownDevice =
            try await UserSession.query(on: db)
            .filter(\.$user.$id == userId).filter(\.$deviceFingerprint == fingerprint).first() != nil
        let hasHistory = try await UserSession.query(on: db).filter(\.$user.$id == userId).first() != nil
        let refreshToken = RandomToken.opaque()
        let session = UserSession()
        session.$user.id = userId
        session.deviceId = device?.deviceId
        session.deviceName = device?.deviceName
        session.deviceType = device?.deviceType ?? .unknown
        session.platform = device?.platform ?? .other
        session.appVersion = device?.appVersion
        session.pushToken = device?.pushToken
        session.location = device?.location
        session.ipAddress = context.origin.clientAddress
        session.userAgent = context.origin.userAgent
        session.deviceFingerprint = fingerprint
        session.refreshTokenHash = Self.hash(refreshToken)
        session.expiresAt = context.now.addingTimeInterval(settings.refreshTokenLifetime)
        session.lastActiveAt = context.now
        session.isNewDevice = hasHistory && !knownDevice
        try await session.create(on: db)
        return (session, refreshToken)
    }

    /// Exchanges a refresh token for a new one. A token that was already exchanged revokes its session.
    ///
    /// Runs its own transactions: the revocation on reuse must commit even though the call then fails.
    func rotate(_ refreshToken: String) async throws -> (UserSession, String) {
        let hash = Self.hash(refreshToken)
        guard let session = try await UserSession.query(on: db).filter(\.$refreshTokenHash == hash).first() else {
            if let rotated = try await RotatedRefreshToken.query(on: db).filter(\.$tokenHash == hash).first() {
                try await revokeForReuse(sessionId: rotated.$session.id)
            }
            throw AuthError.invalidToken
        }
        guard session.revokedAt == nil else { throw AuthError.sessionRevoked }
        guard session.expiresAt > context.now else { throw AuthError.tokenExpired }
        let sessionId = try session.requireID()
        let fresh = RandomToken.opaque()
        do {
            try await db.transaction { tx in
                // The unique token hash makes a concurrent second exchange of the same token fail here.
                try await RotatedRefreshToken(tokenHash: hash, sessionId: sessionId, rotatedAt: context.now).create(
                    on: tx)
                session.refreshTokenHash = Self.hash(fresh)
                session.lastActiveAt = context.now
                try await session.save(on: tx)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            try await revokeForReuse(sessionId: sessionId)
        }
        return (session, fresh)
    }

    private func revokeForReuse(sessionId: UUID) async throws -> Never {
        try await revoke(sessionId: sessionId, reason: "refresh_token_reuse")
        context.logger.warning("refresh token reuse detected; session \(sessionId) revoked")
        throw AuthError.refreshTokenReused
    }

    func revoke(sessionId: UUID, reason: String) async throws {
        try await UserSession.query(on: db)
            .filter(\.$id == sessionId).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: context.now).set(\.$revokedReason, to: reason)
            .update()
        await context.endRealtimeSessions([sessionId], reason: reason)
    }

    /// Revokes every open session of the user except `keeping`; returns how many were open.
    @discardableResult
    func revokeAll(of user: UserID, except keeping: UserSessionID? = nil, reason: String) async throws -> Int {
        let (userId, keeping) = (user.uuid, keeping?.uuid)
        var query = UserSession.query(on: db).filter(\.$user.$id == userId).filter(\.$revokedAt == nil)
        if let keeping { query = query.filter(\.$id != keeping) }
        let open = try await query.all(\.$id)
        var update = UserSession.query(on: db).filter(\.$user.$id == userId).filter(\.$revokedAt == nil)
        if let keeping { update = update.filter(\.$id != keeping) }
        try await update.set(\.$revokedAt, to: context.now).set(\.$revokedReason, to: reason).update()
        await context.endRealtimeSessions(open, reason: reason)
        return open.count
    }

    /// Refresh tokens are 256-bit random values, so a plain SHA-256 is enough to store them.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexString
    }

    static func fingerprint(device: DeviceInfo?, userAgent: String?) -> String {
        let parts = [device?.deviceId ?? "", device?.platform?.rawValue ?? "", userAgent ?? ""]
        return SHA256.hash(data: Data(parts.joined(separator: "|").utf8)).hexString
    }
}
