import Auth
import Fluent
import Platform

/// `phone_verifications` (not in the seed schema): SMS codes, stored as keyed hashes.
struct CreatePhoneVerifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("phone_verifications")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("phone_number", .string, .required)
            .field("code_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("verified_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(
            on: "phone_verifications", name: "phone_verifications_user_idx", columns: ["user_id"])
        try await database.index(
            on: "phone_verifications", name: "phone_verifications_number_idx", columns: ["phone_number"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("phone_verifications").delete()
    }
}
