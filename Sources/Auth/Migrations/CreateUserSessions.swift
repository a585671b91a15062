import Fluent
import Platform

/// `user_sessions`: one per sign-in, holding the hash of its refresh token.
struct CreateUserSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_sessions")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("device_id", .string)
            .field("device_name", .string)
            .field("device_type", .string, .required)
            .field("platform", .string, .required)
            .field("app_version", .string)
            .field("push_token", .string)
            .field("ip_address", .string)
            .field("location", .string)
            .field("user_agent", .string)
            .field("device_fingerprint", .string, .required)
            .field("refresh_token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("last_active_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("revoked_reason", .string)
            .field("is_new_device", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "refresh_token_hash")
            .create()
        try await database.index(on: "user_sessions", name: "user_sessions_user_idx", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_sessions").delete()
    }
}
