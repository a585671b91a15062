import Fluent
import Platform

/// `trip_weather`: one cached row per trip (unique `trip_id`), removed with its trip.
struct CreateTripWeather: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("trip_weather")
            .id()
            .field("trip_id", .uuid, .required, .references("trips", "id", onDelete: .cascade))
            .field("origin_weather", .json, .required)
            .field("destination_weather", .json, .required)
            .field("travel_conditions", .string, .required)
            .field("alerts", .array(of: .string), .required)
            .field("fetched_at", .datetime, .required)
            .create()
        try await database.index(
            on: "trip_weather", name: "trip_weather_trip_idx", columns: ["trip_id"], unique: true)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("trip_weather").delete()
    }
}
