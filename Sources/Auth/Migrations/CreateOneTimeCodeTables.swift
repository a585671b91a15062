import Fluent
import Platform

/// `email_verification_tokens` and `password_reset_tokens`.
struct CreateOneTimeCodeTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EmailVerificationToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("issued_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("verified_at", .datetime)
            .field("attempts", .int, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index(
            on: EmailVerificationToken.schema, name: "email_verification_tokens_user_idx", columns: ["user_id"])
        try await database.schema(PasswordResetToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("attempts", .int, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index(
            on: PasswordResetToken.schema, name: "password_reset_tokens_user_idx", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PasswordResetToken.schema).delete()
        try await database.schema(EmailVerificationToken.schema).delete()
    }
}
