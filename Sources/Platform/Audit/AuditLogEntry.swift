import Fluent
import Foundation

/// One row of `audit_logs`: who did what to which entity, from where. Security events of an account are
/// read back from here (`GET /auth/account/security-log`, `GET /users/me/activity`).
public final class AuditLogEntry: Model, @unchecked Sendable {
    public static let schema = "audit_logs"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date

    // data fields
    @OptionalField(key: "actor_id") public var actorId: UUID?
    @OptionalField(key: "user_id") public var userId: UUID?
    @Field(key: "category") public var category: String
    @Field(key: "action") public var action: String
    @OptionalField(key: "entity_type") public var entityType: String?
    @OptionalField(key: "entity_id") public var entityId: String?
    @OptionalField(key: "ip_address") public var ipAddress: String?
    @OptionalField(key: "user_agent") public var userAgent: String?
    @OptionalField(key: "request_id") public var requestId: String?
    @Field(key: "metadata") public var metadata: [String: String]

    public init() {}

    public init(
        actorId: UUID?, userId: UUID?, category: String, action: String, entityType: String?, entityId: String?,
        ipAddress: String?, userAgent: String?, requestId: String?, metadata: [String: String], createdAt: Date
    ) {
        self.actorId = actorId
        self.userId = userId
        self.category = category
        self.action = action
        self.entityType = entityType
        self.entityId = entityId
        self.ipAddress = ipAddress
        self.userAgent = userAgent
        self.requestId = requestId
        self.metadata = metadata
        self.createdAt = createdAt
    }
}
