import Fluent
import Platform

/// `emergency_locations`: the seed's columns (coordinates as two numbers) plus who reported (`reported_by`,
/// the seed's `user_id`), who resolved, and `updated_at`.
struct CreateEmergencyLocations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("emergency_locations")
            .id()
            .field("delivery_id", .uuid)
            .field("user_id", .uuid, .required)
            .field("emergency_type", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("accuracy", .double)
            .field("description", .string)
            .field("contact_number", .string)
            .field("requires_assistance", .bool, .required)
            .field("severity", .string, .required)
            .field("status", .string, .required)
            .field("resolved_at", .datetime)
            .field("resolved_by", .uuid)
            .field("resolution_notes", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.index(
            on: "emergency_locations", name: "emergency_locations_status_idx", columns: ["status", "created_at"])
        try await database.index(
            on: "emergency_locations", name: "emergency_locations_user_idx", columns: ["user_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("emergency_locations").delete()
    }
}
