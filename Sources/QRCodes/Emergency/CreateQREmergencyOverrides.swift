import Fluent
import Platform

/// `qr_emergency_overrides`: the seed's columns plus the handoff it stands in for, its state, who decided and
/// why, and the alternative code's keyed hash (`alternative_code`; the code itself is derived, never stored).
struct CreateQREmergencyOverrides: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("qr_emergency_overrides")
            .id()
            .field("delivery_id", .uuid, .required)
            .field("qr_code_id", .uuid, .required)
            .field("qr_type", .string, .required)
            .field("override_reason", .string, .required)
            .field("alternative_verification", .json)
            .field("requested_by", .uuid, .required)
            .field("approved_by", .uuid)
            .field("status", .string, .required)
            .field("decision_reason", .string)
            .field("alternative_code", .string)
            .field("valid_until", .datetime)
            .field("used_at", .datetime)
            .field("decided_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(
            on: "qr_emergency_overrides", name: "qr_overrides_status_idx", columns: ["status", "created_at"])
        try await database.index(
            on: "qr_emergency_overrides", name: "qr_overrides_delivery_idx", columns: ["delivery_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("qr_emergency_overrides").delete()
    }
}
