import Auth
import Fluent
import Platform
import Trips

/// `delivery_events`: the history of every move of a delivery.
struct CreateDeliveryEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("delivery_events")
            .id()
            .field("delivery_id", .uuid, .required, .references("deliveries", "id", onDelete: .cascade))
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("actor_id", .uuid)
            .field("actor_role", .string, .required)
            .field("reason", .string)
            .field("metadata", .json, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(
            on: "delivery_events", name: "delivery_events_delivery_idx", columns: ["delivery_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("delivery_events").delete()
    }
}
