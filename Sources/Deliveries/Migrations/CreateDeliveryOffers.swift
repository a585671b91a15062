import Auth
import Fluent
import Platform
import Trips

/// `delivery_offers`; a traveler has at most one live (pending) offer per request, whatever the races.
struct CreateDeliveryOffers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("delivery_offers")
            .id()
            .field(
                "delivery_request_id", .uuid, .required, .references("delivery_requests", "id", onDelete: .cascade)
            )
            .field("traveler_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("trip_id", .uuid, .required, .references("trips", "id", onDelete: .cascade))
            .field("price", .int64, .required)
            .field("currency", .string, .required)
            .field("message", .string)
            .field("estimated_pickup_time", .datetime, .required)
            .field("estimated_delivery_time", .datetime, .required)
            .field("status", .string, .required)
            .field("guarantees", .json, .required)
            .field("special_services", .json, .required)
            .field("valid_until", .datetime, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("accepted_at", .datetime)
            .field("declined_at", .datetime)
            .field("declined_reason", .string)
            .create()
        let table = "delivery_offers"
        try await database.index(on: table, name: "delivery_offers_request_idx", columns: ["delivery_request_id"])
        try await database.index(
            on: table, name: "delivery_offers_traveler_idx", columns: ["traveler_id", "created_at"])
        try await database.index(on: table, name: "delivery_offers_expiry_idx", columns: ["status", "valid_until"])
        try await database.sqlDatabase.raw(
            """
            CREATE UNIQUE INDEX delivery_offers_one_live_idx
            ON delivery_offers (delivery_request_id, traveler_id) WHERE status = 'pending'
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("delivery_offers").delete()
    }
}
