import Auth
import Fluent
import Platform

/// `user_preferences`: one JSON object per settings category, one row per user.
struct CreateUserPreferences: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_preferences")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("notification_settings", .json, .required)
            .field("privacy_settings", .json, .required)
            .field("location_settings", .json, .required)
            .field("payment_settings", .json, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_preferences").delete()
    }
}
