import Auth
import Fluent
import Platform
import Trips

/// `deliveries` (one per request at most) and `delivery_events`, the history of every move.
struct CreateDeliveries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Delivery.schema)
            .id()
            .field(
                "delivery_request_id", .uuid, .required, .references(DeliveryRequest.schema, "id", onDelete: .cascade)
            )
            .field("offer_id", .uuid, .required, .references(DeliveryOffer.schema, "id", onDelete: .cascade))
            .field("customer_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("traveler_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("trip_id", .uuid, .required, .references(Trip.schema, "id", onDelete: .cascade))
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
        let table = Delivery.schema
        try await database.index(on: table, name: "deliveries_customer_idx", columns: ["customer_id", "created_at"])
        try await database.index(on: table, name: "deliveries_traveler_idx", columns: ["traveler_id", "created_at"])
        try await database.index(on: table, name: "deliveries_trip_idx", columns: ["trip_id", "status"])
        try await database.index(on: table, name: "deliveries_request_idx", columns: ["delivery_request_id"])
        try await database.index(
            on: table, name: "deliveries_status_idx", columns: ["status", "delivery_completed_at"])

        try await database.schema(DeliveryEvent.schema)
            .id()
            .field("delivery_id", .uuid, .required, .references(Delivery.schema, "id", onDelete: .cascade))
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("actor_id", .uuid)
            .field("actor_role", .string, .required)
            .field("reason", .string)
            .field("metadata", .json, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(
            on: DeliveryEvent.schema, name: "delivery_events_delivery_idx", columns: ["delivery_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DeliveryEvent.schema).delete()
        try await database.schema(Delivery.schema).delete()
    }
}
