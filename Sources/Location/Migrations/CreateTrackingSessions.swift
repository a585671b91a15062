import Fluent
import Platform

/// `tracking_sessions` (not in the seed): what the Location module knows of each booked delivery — its
/// parties, ends, time windows and trip type, given by `Deliveries` at booking — and the live state of its
/// tracking: the latest trusted position (never moved backwards in time), the distance travelled, counts.
/// The seed keeps this in `location_tracking` alone; a row per delivery keeps the hot path to one update.
struct CreateTrackingSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tracking_sessions")
            .field("delivery_id", .uuid, .identifier(auto: false))
            .field("customer_id", .uuid, .required)
            .field("traveler_id", .uuid, .required)
            .field("trip_type", .string, .required)
            .field("status", .string, .required)
            .field("phase", .string, .required)
            .field("pickup_lat", .double, .required)
            .field("pickup_lng", .double, .required)
            .field("drop_lat", .double, .required)
            .field("drop_lng", .double, .required)
            .field("pickup_window_start", .datetime)
            .field("pickup_window_end", .datetime)
            .field("drop_window_start", .datetime)
            .field("drop_window_end", .datetime)
            .field("started_at", .datetime)
            .field("picked_up_at", .datetime)
            .field("stopped_at", .datetime)
            .field("stop_reason", .string)
            .field("live_lat", .double)
            .field("live_lng", .double)
            .field("live_accuracy", .double)
            .field("live_speed", .double)
            .field("live_bearing", .double)
            .field("live_at", .datetime)
            .field("last_received_at", .datetime)
            .field("distance_meters", .double, .required)
            .field("point_count", .int, .required)
            .field("flagged_count", .int, .required)
            .field("eta_seconds", .int)
            .field("settings", .json, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.index(
            on: "tracking_sessions", name: "tracking_sessions_traveler_idx", columns: ["traveler_id", "status"])
        try await database.index(
            on: "tracking_sessions", name: "tracking_sessions_customer_idx", columns: ["customer_id", "status"])
        try await database.index(
            on: "tracking_sessions", name: "tracking_sessions_live_idx", columns: ["status", "live_lat", "live_lng"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tracking_sessions").delete()
    }
}
