import Fluent
import Platform

/// `password_reset_tokens`: password reset codes, stored as peppered hashes.
struct CreatePasswordResetTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("password_reset_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("attempts", .int, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index(
            on: "password_reset_tokens", name: "password_reset_tokens_user_idx", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("password_reset_tokens").delete()
    }
}
