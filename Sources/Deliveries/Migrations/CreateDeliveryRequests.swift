import Auth
import Fluent
import Platform

/// `delivery_requests`, with latitude/longitude copies of both ends for the travelers' route search.
struct CreateDeliveryRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("delivery_requests")
            .id()
            .field("customer_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("description", .string)
            .field("category", .string, .required)
            .field("status", .string, .required)
            .field("urgency", .string, .required)
            .field("item_name", .string, .required)
            .field("item_description", .string)
            .field("quantity", .int, .required)
            .field("weight", .double, .required)
            .field("dimensions", .json)
            .field("value", .int64, .required)
            .field("is_fragile", .bool, .required)
            .field("is_perishable", .bool, .required)
            .field("is_hazardous", .bool, .required)
            .field("requires_signature", .bool, .required)
            .field("item_images", .array(of: .string), .required)
            .field("pickup_address", .string, .required)
            .field("pickup_coordinates", .json, .required)
            .field("pickup_lat", .double, .required)
            .field("pickup_lng", .double, .required)
            .field("pickup_contact_name", .string, .required)
            .field("pickup_contact_phone", .string, .required)
            .field("pickup_instructions", .string)
            .field("pickup_time_start", .datetime, .required)
            .field("pickup_time_end", .datetime, .required)
            .field("flexible_pickup_timing", .bool, .required)
            .field("preferred_pickup_days", .array(of: .string), .required)
            .field("delivery_address", .string, .required)
            .field("delivery_coordinates", .json, .required)
            .field("delivery_lat", .double, .required)
            .field("delivery_lng", .double, .required)
            .field("delivery_contact_name", .string, .required)
            .field("delivery_contact_phone", .string, .required)
            .field("delivery_instructions", .string)
            .field("delivery_time_start", .datetime, .required)
            .field("delivery_time_end", .datetime, .required)
            .field("requires_recipient_presence", .bool, .required)
            .field("distance_km", .double, .required)
            .field("currency", .string, .required)
            .field("max_price", .int64, .required)
            .field("auto_accept_price", .int64)
            .field("estimated_price", .int64, .required)
            .field("preferred_travelers", .array(of: .uuid), .required)
            .field("blacklisted_travelers", .array(of: .uuid), .required)
            .field("min_traveler_rating", .double)
            .field("verification_required", .bool, .required)
            .field("insurance_required", .bool, .required)
            .field("background_check_required", .bool, .required)
            .field("notification_preferences", .json, .required)
            .field("special_instructions", .string)
            .field("tags", .array(of: .string), .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("cancelled_at", .datetime)
            .field("cancellation_reason", .string)
            .create()
        let table = "delivery_requests"
        try await database.index(
            on: table, name: "delivery_requests_customer_idx", columns: ["customer_id", "created_at"])
        try await database.index(on: table, name: "delivery_requests_status_idx", columns: ["status", "expires_at"])
        try await database.index(
            on: table, name: "delivery_requests_pickup_idx", columns: ["pickup_lat", "pickup_lng"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("delivery_requests").delete()
    }
}
