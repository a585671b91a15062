import Fluent
import Platform
import SQLKit

/// `geofences` and `geofence_events` as the seed has them (centre as JSON plus plain numbers for the index,
/// the polygon as JSON), with who created a fence (`owner_id`), its hysteresis (`exit_margin`, metres beyond
/// the boundary before an exit counts) and dwell time (`dwell_seconds`), and a `version` for concurrent edits.
/// `geofence_states` (not in the seed) holds, per fence and tracked delivery, whether the device is inside and
/// since when, and the timestamp of the last point judged — so a late point never rewrites what happened.
struct CreateGeofences: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("geofences")
            .id()
            .field("name", .string, .required)
            .field("type", .string, .required)
            .field("delivery_id", .uuid)
            .field("owner_id", .uuid)
            .field("geometry_type", .string, .required)
            .field("center_coordinates", .json, .required)
            .field("center_lat", .double, .required)
            .field("center_lng", .double, .required)
            .field("radius", .int)
            .field("polygon_coordinates", .json)
            .field("bounding_radius", .double, .required)
            .field("exit_margin", .int, .required)
            .field("dwell_seconds", .int, .required)
            .field("notifications", .json, .required)
            .field("active", .bool, .required)
            .field("start_time", .datetime)
            .field("end_time", .datetime)
            .field("timezone", .string)
            .field("metadata", .json, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.index(on: "geofences", name: "geofences_delivery_idx", columns: ["delivery_id", "active"])
        try await database.index(on: "geofences", name: "geofences_owner_idx", columns: ["owner_id", "active"])

        try await database.schema("geofence_events")
            .id()
            .field("geofence_id", .uuid, .required)
            .field("user_id", .uuid, .required)
            .field("delivery_id", .uuid)
            .field("event_type", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("dwell_time", .int)
            .field("reason", .string)
            .field("triggered_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(
            on: "geofence_events", name: "geofence_events_fence_idx", columns: ["geofence_id", "triggered_at"])
        try await database.index(
            on: "geofence_events", name: "geofence_events_delivery_idx", columns: ["delivery_id", "triggered_at"])

        try await database.schema("geofence_states")
            .field("geofence_id", .uuid, .required)
            .field("delivery_id", .uuid, .required)
            .field("inside", .bool, .required)
            .field("entered_at", .datetime)
            .field("dwell_reported", .bool, .required)
            .field("last_point_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .compositeIdentifier(over: "geofence_id", "delivery_id")
            .create()
        try await database.index(
            on: "geofence_states", name: "geofence_states_delivery_idx", columns: ["delivery_id", "inside"])

        try await database.schema("location_counters")
            .field("name", .string, .identifier(auto: false))
            .field("value", .int64, .required)
            .create()
        try await database.sqlDatabase.insert(into: "location_counters").columns("name", "value")
            .values(SQLBind("geofences"), SQLBind(Int64(0))).run()
    }

    func revert(on database: any Database) async throws {
        for table in ["location_counters", "geofence_states", "geofence_events", "geofences"] {
            try await database.schema(table).delete()
        }
    }
}
