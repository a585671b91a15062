import Fluent
import Platform
import Vapor

/// The signed-in user's sessions.
struct SessionController: RouteCollection {
    struct UpdateRequest: Content {
        var deviceName: String?
        var pushToken: String?
        var appVersion: String?
        var location: String?
    }

    struct RevokeAllResponse: Content {
        var revoked: Int
    }

    struct StatsResponse: Content {
        var activeSessions: Int
        var totalSessions: Int
        var newDeviceSessions: Int
        var byDeviceType: [String: Int]
        var byPlatform: [String: Int]
        var lastLoginAt: Date?
    }

    func boot(routes: any RoutesBuilder) throws {
        let sessions = routes.grouped("auth", "sessions").grouped(RoleGuard.authenticated)
        sessions.get(use: list).doc("Open sessions of the signed-in user")
        sessions.get("current", use: current).doc("This session")
        sessions.get("stats", use: stats).doc("Session statistics")
        sessions.get("suspicious", use: suspicious).doc("Open sessions from devices not seen before")
        sessions.patch("current", use: update).doc("Update this session's device details", body: UpdateRequest.self)
        sessions.post("current", "extend", use: extend).doc("Extend this session's refresh lifetime")
        sessions.delete(":sessionId", use: revoke).doc("Sign out one session")
        sessions.delete(use: revokeAll).doc("Sign out every other session (`?includeCurrent=true` for all)")
    }

    /// `GET /auth/sessions`
    @Sendable func list(req: Request) async throws -> Envelope<[SessionResponse]> {
        let principal = try req.principal
        let sessions = try await openSessions(req).sort(\.$lastActiveAt, .descending).all()
        return Envelope(try sessions.map { try SessionResponse($0, currentId: principal.sessionId) })
    }

    /// `GET /auth/sessions/current`
    @Sendable func current(req: Request) async throws -> Envelope<SessionResponse> {
        let principal = try req.principal
        return Envelope(
            try SessionResponse(try await session(principal.sessionId, req), currentId: principal.sessionId))
    }

    /// `GET /auth/sessions/stats`
    @Sendable func stats(req: Request) async throws -> Envelope<StatsResponse> {
        let userId = try req.principal.userId
        let all = try await UserSession.query(on: req.db).filter(\.$user.$id == userId).all()
        let open = all.filter { $0.revokedAt == nil && $0.expiresAt > req.now }
        return Envelope(
            StatsResponse(
                activeSessions: open.count, totalSessions: all.count,
                newDeviceSessions: open.filter(\.isNewDevice).count,
                byDeviceType: Dictionary(grouping: open, by: \.deviceType.rawValue).mapValues(\.count),
                byPlatform: Dictionary(grouping: open, by: \.platform.rawValue).mapValues(\.count),
                lastLoginAt: try await req.currentUser().lastLoginAt))
    }

    /// `GET /auth/sessions/suspicious`
    @Sendable func suspicious(req: Request) async throws -> Envelope<[SessionResponse]> {
        let principal = try req.principal
        let sessions = try await openSessions(req).filter(\.$isNewDevice == true).sort(\.$createdAt, .descending).all()
        return Envelope(try sessions.map { try SessionResponse($0, currentId: principal.sessionId) })
    }

    /// `PATCH /auth/sessions/current`
    @Sendable func update(req: Request) async throws -> Envelope<SessionResponse> {
        let principal = try req.principal
        let input = try req.content.decode(UpdateRequest.self)
        var check = RuleCheck()
        check.require((input.deviceName?.count ?? 0) <= 100, "deviceName must be at most 100 characters")
        check.require((input.location?.count ?? 0) <= 200, "location must be at most 200 characters")
        try check.throwIfBroken()
        let session = try await session(principal.sessionId, req)
        if let name = input.deviceName { session.deviceName = name }
        if let token = input.pushToken { session.pushToken = token }
        if let version = input.appVersion { session.appVersion = version }
        if let location = input.location { session.location = location }
        session.lastActiveAt = req.now
        try await session.save(on: req.db)
        return Envelope(try SessionResponse(session, currentId: principal.sessionId))
    }

    /// `POST /auth/sessions/current/extend`
    @Sendable func extend(req: Request) async throws -> Envelope<SessionResponse> {
        let principal = try req.principal
        let session = try await session(principal.sessionId, req)
        session.expiresAt = req.now.addingTimeInterval(req.authContext.settings.refreshTokenLifetime)
        session.lastActiveAt = req.now
        try await session.save(on: req.db)
        return Envelope(try SessionResponse(session, currentId: principal.sessionId), message: "Session extended")
    }

    /// `DELETE /auth/sessions/{sessionId}`
    @Sendable func revoke(req: Request) async throws -> Envelope<Empty> {
        let principal = try req.principal
        guard let id = req.parameters.get("sessionId", as: UUID.self) else { throw APIError.notFound("Session") }
        let target = try await session(id, req)
        try await req.db.transaction { db in
            try await SessionService(context: req.callContext.on(db)).revoke(
                sessionId: try target.requireID(), reason: "revoked_by_user")
            try await AuditTrail.record(
                "session_revoked", category: "security", userId: principal.userId, entityType: "session",
                entityId: id.uuidString, context: req.callContext.on(db))
        }
        return .message("Session signed out")
    }

    /// `DELETE /auth/sessions`
    @Sendable func revokeAll(req: Request) async throws -> Envelope<RevokeAllResponse> {
        let principal = try req.principal
        let includeCurrent = (try? req.query.get(Bool.self, at: "includeCurrent")) ?? false
        let count = try await req.db.transaction { db in
            let count = try await SessionService(context: req.callContext.on(db)).revokeAll(
                of: principal.user, except: includeCurrent ? nil : UserSessionID(principal.sessionId),
                reason: "revoked_all_by_user")
            try await AuditTrail.record(
                "sessions_revoked", category: "security", userId: principal.userId,
                metadata: ["count": String(count)], context: req.callContext.on(db))
            return count
        }
        return Envelope(RevokeAllResponse(revoked: count), message: "Signed out \(count) session(s)")
    }

    private func openSessions(_ req: Request) throws -> QueryBuilder<UserSession> {
        UserSession.query(on: req.db).filter(\.$user.$id == (try req.principal.userId))
            .filter(\.$revokedAt == nil).filter(\.$expiresAt > req.now)
    }

    /// One of the caller's own sessions; another user's session is "not found", never "forbidden".
    private func session(_ id: UUID, _ req: Request) async throws -> UserSession {
        guard let session = try await UserSession.find(id, on: req.db), session.$user.id == (try req.principal.userId),
            session.revokedAt == nil
        else { throw APIError.notFound("Session") }
        return session
    }
}
