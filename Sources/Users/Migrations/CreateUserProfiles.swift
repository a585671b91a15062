import Auth
import Fluent
import Platform

/// `user_profiles` (not in the seed schema): bio, languages and the profile picture, one row per user.
struct CreateUserProfiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_profiles")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("bio", .string)
            .field("profile_picture_key", .string)
            .field("profile_picture_content_type", .string)
            .field("languages", .array(of: .string), .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_profiles").delete()
    }
}
