import Auth
import Fluent
import Platform

/// `user_statistics`; money columns are `Int64` minor units.
struct CreateUserStatistics: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_statistics")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("total_trips", .int, .required)
            .field("total_deliveries", .int, .required)
            .field("successful_deliveries", .int, .required)
            .field("cancelled_deliveries", .int, .required)
            .field("total_earnings", .int64, .required)
            .field("total_spent", .int64, .required)
            .field("average_rating", .double, .required)
            .field("total_ratings", .int, .required)
            .field("response_time_minutes", .int)
            .field("completion_rate", .double, .required)
            .field("last_active_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "user_id")
            .create()
        // The matching index reads the ratings changed since its last refresh on every search.
        try await database.index(on: "user_statistics", name: "user_statistics_updated_idx", columns: ["updated_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_statistics").delete()
    }
}
