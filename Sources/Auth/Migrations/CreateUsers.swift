import Fluent
import Platform

/// `users`, columns as in the schema plus the account facts Auth keeps (verification, login, lockout).
struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("email", .string, .required)
            .field("password_hash", .string)
            .field("first_name", .string, .required)
            .field("last_name", .string, .required)
            .field("phone_number", .string)
            .field("date_of_birth", .string)
            .field("user_type", .string, .required)
            .field("status", .string, .required)
            .field("verification_level", .string, .required)
            .field("preferred_language", .string, .required)
            .field("timezone", .string, .required)
            .field("preferred_currency", .string, .required)
            .field("referral_code", .string, .required)
            .field("referred_by_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("terms_accepted_at", .datetime)
            .field("privacy_accepted_at", .datetime)
            .field("email_verified_at", .datetime)
            .field("last_login_at", .datetime)
            .field("password_changed_at", .datetime)
            .field("deactivated_at", .datetime)
            .field("login_alerts_enabled", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("deleted_at", .datetime)
            .unique(on: "email")
            .unique(on: "referral_code")
            .create()
        try await database.index(on: "users", name: "users_status_idx", columns: ["status"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
    }
}
