import Auth
import Fluent
import Platform

/// `user_favorites`; a traveler is a customer's favorite at most once.
struct CreateUserFavorites: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_favorites")
            .id()
            .field("customer_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("traveler_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("added_at", .datetime, .required)
            .unique(on: "customer_id", "traveler_id")
            .create()
        try await database.index(on: "user_favorites", name: "user_favorites_traveler_idx", columns: ["traveler_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_favorites").delete()
    }
}
