import Fluent
import Platform

/// `rotated_refresh_tokens`: refresh tokens already exchanged; presenting one again reveals a copy.
struct CreateRotatedRefreshTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("rotated_refresh_tokens")
            .id()
            .field("token_hash", .string, .required)
            .field("session_id", .uuid, .required, .references("user_sessions", "id", onDelete: .cascade))
            .field("rotated_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("rotated_refresh_tokens").delete()
    }
}
