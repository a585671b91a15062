import Fluent
import Platform

/// `route_optimizations`: a traveler's ordered stops for several deliveries, with the seed's columns (ends as
/// JSON, distances in metres, duration in seconds) and who asked (`traveler_id`), the naive order's distance
/// and what the order saves.
struct CreateRouteOptimizations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("route_optimizations")
            .id()
            .field("delivery_id", .uuid)
            .field("traveler_id", .uuid, .required)
            .field("origin_coordinates", .json, .required)
            .field("destination_coordinates", .json)
            .field("waypoints", .json, .required)
            .field("optimized_route", .json, .required)
            .field("total_distance", .double, .required)
            .field("naive_distance", .double, .required)
            .field("distance_saved", .double, .required)
            .field("total_duration", .int, .required)
            .field("total_detour", .double, .required)
            .field("fuel_cost", .double)
            .field("toll_cost", .double)
            .field("traffic_conditions", .json)
            .field("alternatives", .json)
            .field("feasible", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await database.index(
            on: "route_optimizations", name: "route_optimizations_traveler_idx", columns: ["traveler_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("route_optimizations").delete()
    }
}
