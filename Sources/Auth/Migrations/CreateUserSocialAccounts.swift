import Fluent

/// `user_social_accounts`: linked OpenID Connect identities.
struct CreateUserSocialAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_social_accounts")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("provider", .string, .required)
            .field("provider_user_id", .string, .required)
            .field("email", .string)
            .field("last_used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "provider", "provider_user_id")
            .unique(on: "user_id", "provider")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_social_accounts").delete()
    }
}
