import Fluent
import Platform

/// `location_privacy_settings` (one row per member who changed the defaults) and `location_exports` (a
/// member's requests for a copy of their location data). Not in the seed, whose privacy controls live in
/// `location_tracking` "with privacy controls"; per-member settings need a row of their own.
struct CreateLocationPrivacy: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("location_privacy_settings")
            .field("user_id", .uuid, .identifier(auto: false))
            .field("before_pickup", .string, .required)
            .field("in_transit", .string, .required)
            .field("coarse_precision_meters", .int, .required)
            .field("retention_days", .int, .required)
            .field("share_for_analytics", .bool, .required)
            .field("updated_at", .datetime, .required)
            .create()

        try await database.schema("location_exports")
            .id()
            .field("user_id", .uuid, .required)
            .field("status", .string, .required)
            .field("format", .string, .required)
            .field("file_key", .string)
            .field("point_count", .int)
            .field("requested_at", .datetime, .required)
            .field("completed_at", .datetime)
            .field("expires_at", .datetime)
            .create()
        try await database.index(on: "location_exports", name: "location_exports_user_idx", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("location_exports").delete()
        try await database.schema("location_privacy_settings").delete()
    }
}
