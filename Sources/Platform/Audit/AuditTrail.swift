import Fluent
import Vapor

/// Writes audit entries. Categories in use: `security` (sign-ins, passwords, 2FA, sessions), `account`,
/// `profile`, `admin`.
public enum AuditTrail {
    /// Records an action of the context's principal (or of `userId` itself when nobody signed in) about
    /// `userId`, on the context's database, so it commits with the change it describes.
    public static func record(
        _ action: String, category: String, userId: UUID?, entityType: String? = nil, entityId: String? = nil,
        metadata: [String: String] = [:], context: CallContext
    ) async throws {
        let entry = AuditLogEntry(
            actorId: context.principal?.userId ?? userId, userId: userId, category: category, action: action,
            entityType: entityType, entityId: entityId, ipAddress: context.origin.clientAddress,
            userAgent: context.origin.userAgent, requestId: context.origin.requestId, metadata: metadata,
            createdAt: context.now)
        try await entry.create(on: context.db)
    }
}
