import Auth
import Fluent
import Platform

/// `user_favorites`; a traveler is a customer's favorite at most once.
struct CreateUserFavorites: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserFavorite.schema)
            .id()
            .field("customer_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("traveler_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("added_at", .datetime, .required)
            .unique(on: "customer_id", "traveler_id")
            .create()
        try await database.index(on: UserFavorite.schema, name: "user_favorites_traveler_idx", columns: ["traveler_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserFavorite.schema).delete()
    }
}
