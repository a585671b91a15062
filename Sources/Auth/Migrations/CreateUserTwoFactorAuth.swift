import Fluent

/// `user_two_factor_auth`.
struct CreateUserTwoFactorAuth: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_two_factor_auth")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("secret_key", .string, .required)
            .field("backup_codes", .array(of: .string), .required)
            .field("enabled", .bool, .required)
            .field("enabled_at", .datetime)
            .field("backup_codes_generated_at", .datetime)
            .field("last_used_step", .int64, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_two_factor_auth").delete()
    }
}
