import Fluent
import Platform

/// `location_tracking`: every point a traveler's phone posted. The seed's `geography coordinates` is two plain
/// numbers (both databases share one migration set, and the hot path writes no JSON), plus what ingest
/// concluded: `flag` (`impossible_speed`, `low_accuracy`) for points kept but not trusted, and `source`
/// (`live` or `batch`). A point is unique by delivery and timestamp, so a batch sent twice is stored once.
struct CreateLocationTracking: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("location_tracking")
            .id()
            .field("delivery_id", .uuid, .required)
            .field("user_id", .uuid, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("accuracy", .double)
            .field("altitude", .double)
            .field("bearing", .double)
            .field("speed", .double)
            .field("battery_level", .int)
            .field("network_type", .string)
            .field("timestamp", .datetime, .required)
            .field("flag", .string)
            .field("source", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(
            on: "location_tracking", name: "location_tracking_delivery_idx", columns: ["delivery_id", "timestamp"],
            unique: true)
        try await database.index(
            on: "location_tracking", name: "location_tracking_user_idx", columns: ["user_id", "timestamp"])
        try await database.index(
            on: "location_tracking", name: "location_tracking_created_idx", columns: ["created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("location_tracking").delete()
    }
}
