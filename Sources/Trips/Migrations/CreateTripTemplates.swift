import Auth
import Fluent
import Platform

/// `trip_templates`, plus `description`, `category` and `is_public` (not in the seed schema) for sharing and
/// browsing templates.
struct CreateTripTemplates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("trip_templates")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("description", .string)
            .field("category", .string, .required)
            .field("is_public", .bool, .required)
            .field("trip_data", .json, .required)
            .field("usage_count", .int, .required)
            .field("last_used_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index(
            on: "trip_templates", name: "trip_templates_user_idx", columns: ["user_id", "name"])
        try await database.index(
            on: "trip_templates", name: "trip_templates_public_usage_idx", columns: ["is_public", "usage_count"])
        try await database.index(on: "trip_templates", name: "trip_templates_category_idx", columns: ["category"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("trip_templates").delete()
    }
}
