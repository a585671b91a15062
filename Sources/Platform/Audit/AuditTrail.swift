import Fluent
import Vapor

/// Writes audit entries. Categories in use: `security` (sign-ins, passwords, 2FA, sessions), `account`,
/// `profile`, `admin`.
public enum AuditTrail {
    /// Records an action taken during `req`, about `userId`, in the caller's transaction.
    public static func record(
        _ action: String, category: String, userId: UUID?, entityType: String? = nil, entityId: String? = nil,
        metadata: [String: String] = [:], on db: any Database, req: Request
    ) async throws {
        let actor = req.auth.get(Principal.self)?.userId ?? userId
        let entry = AuditLogEntry(
            actorId: actor, userId: userId, category: category, action: action, entityType: entityType,
            entityId: entityId, ipAddress: req.clientIP, userAgent: req.headers.first(name: .userAgent),
            requestId: req.requestId, metadata: metadata, createdAt: req.now)
        try await entry.create(on: db)
    }
}
