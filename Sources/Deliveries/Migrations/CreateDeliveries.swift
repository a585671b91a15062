import Auth
import Fluent
import Platform
import Trips

/// `deliveries`: one per accepted offer.
struct CreateDeliveries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("deliveries")
            .id()
            .field(
                "delivery_request_id", .uuid, .required, .references("delivery_requests", "id", onDelete: .cascade)
            )
            .field("offer_id", .uuid, .required, .references("delivery_offers", "id", onDelete: .cascade))
            .field("customer_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("traveler_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("trip_id", .uuid, .required, .references("trips", "id", onDelete: .cascade))
            .field("delivery_number", .string, .required)
            .field("status", .string, .required)
            .field("final_price", .int64, .required)
            .field("currency", .string, .required)
            .field("special_requests", .string)
            .field("accepted_at", .datetime)
            .field("pickup_scheduled_at", .datetime)
            .field("pickup_completed_at", .datetime)
            .field("in_transit_at", .datetime)
            .field("delivery_scheduled_at", .datetime)
            .field("delivery_completed_at", .datetime)
            .field("completed_at", .datetime)
            .field("cancelled_at", .datetime)
            .field("cancellation_reason", .string)
            .field("cancelled_by", .uuid)
            .field("pickup_verification", .json)
            .field("delivery_verification", .json)
            .field("recipient_signature_url", .string)
            .field("delivery_photo_url", .string)
            .field("delivery_notes", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "delivery_number")
            .unique(on: "offer_id")
            .create()
        let table = "deliveries"
        try await database.index(on: table, name: "deliveries_customer_idx", columns: ["customer_id", "created_at"])
        try await database.index(on: table, name: "deliveries_traveler_idx", columns: ["traveler_id", "created_at"])
        try await database.index(on: table, name: "deliveries_trip_idx", columns: ["trip_id", "status"])
        try await database.index(on: table, name: "deliveries_request_idx", columns: ["delivery_request_id"])
        try await database.index(
            on: table, name: "deliveries_status_idx", columns: ["status", "delivery_completed_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("deliveries").delete()
    }
}
