import Fluent
import Platform

/// `user_sessions` and the exchanged refresh tokens that reveal replay.
struct CreateUserSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserSession.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
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
        try await database.index(on: UserSession.schema, name: "user_sessions_user_idx", columns: ["user_id"])
        try await database.schema(RotatedRefreshToken.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("session_id", .uuid, .required, .references(UserSession.schema, "id", onDelete: .cascade))
            .field("rotated_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RotatedRefreshToken.schema).delete()
        try await database.schema(UserSession.schema).delete()
    }
}
