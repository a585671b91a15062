import Fluent

/// The audit trail.
public struct CreateAuditLogs: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("audit_logs")
            .id()
            .field("actor_id", .uuid)
            .field("user_id", .uuid)
            .field("category", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string)
            .field("entity_id", .string)
            .field("ip_address", .string)
            .field("user_agent", .string)
            .field("request_id", .string)
            .field("metadata", .json, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(
            on: "audit_logs", name: "audit_logs_user_idx", columns: ["user_id", "created_at"])
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("audit_logs").delete()
    }
}
