import Fluent
import Platform

/// `email_verification_tokens`: e-mail codes, stored as peppered hashes.
struct CreateEmailVerificationTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("email_verification_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("issued_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("verified_at", .datetime)
            .field("attempts", .int, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index(
            on: "email_verification_tokens", name: "email_verification_tokens_user_idx", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("email_verification_tokens").delete()
    }
}
