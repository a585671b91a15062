import Auth
import Fluent
import Platform

/// `trips`, with plain latitude/longitude copies of the coordinates and the indexes search and the matching
/// index's incremental sync read through.
struct CreateTrips: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("trips")
            .id()
            .field("traveler_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("description", .string)
            .field("trip_type", .string, .required)
            .field("status", .string, .required)
            .field("origin_address", .string, .required)
            .field("origin_coordinates", .json, .required)
            .field("origin_lat", .double, .required)
            .field("origin_lng", .double, .required)
            .field("origin_airport", .string)
            .field("origin_terminal", .string)
            .field("origin_details", .string)
            .field("destination_address", .string, .required)
            .field("destination_coordinates", .json, .required)
            .field("destination_lat", .double, .required)
            .field("destination_lng", .double, .required)
            .field("destination_airport", .string)
            .field("destination_terminal", .string)
            .field("destination_details", .string)
            .field("distance_km", .double, .required)
            .field("departure_time", .datetime, .required)
            .field("arrival_time", .datetime, .required)
            .field("estimated_duration", .int, .required)
            .field("actual_departure_time", .datetime)
            .field("actual_arrival_time", .datetime)
            .field("weight_capacity", .double, .required)
            .field("volume_capacity", .double, .required)
            .field("item_capacity", .int, .required)
            .field("available_weight", .double, .required)
            .field("available_volume", .double, .required)
            .field("available_items", .int, .required)
            .field("currency", .string, .required)
            .field("base_price", .int64, .required)
            .field("price_per_kg", .int64, .required)
            .field("price_per_km", .int64, .required)
            .field("express_multiplier", .double, .required)
            .field("fragile_multiplier", .double, .required)
            .field("restrictions", .json, .required)
            .field("preferences", .json, .required)
            .field("is_recurring", .bool, .required)
            .field("recurring_pattern", .json)
            .field("parent_trip_id", .uuid, .references("trips", "id", onDelete: .setNull))
            .field("visibility", .string, .required)
            .field("auto_accept", .bool, .required)
            .field("auto_accept_price", .int64)
            .field("tags", .array(of: .string), .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("cancelled_at", .datetime)
            .field("cancellation_reason", .string)
            .create()
        try await database.index(
            on: "trips", name: "trips_traveler_idx", columns: ["traveler_id", "departure_time"])
        try await database.index(
            on: "trips", name: "trips_status_departure_idx", columns: ["status", "departure_time"])
        try await database.index(on: "trips", name: "trips_origin_idx", columns: ["origin_lat", "origin_lng"])
        try await database.index(
            on: "trips", name: "trips_destination_idx", columns: ["destination_lat", "destination_lng"])
        try await database.index(on: "trips", name: "trips_updated_idx", columns: ["updated_at"])
        try await database.index(on: "trips", name: "trips_parent_idx", columns: ["parent_trip_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("trips").delete()
    }
}
