import Auth
import Fluent
import Platform

/// `user_reports`, indexed for the moderation queue and per-user history.
struct CreateUserReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_reports")
            .id()
            .field("reporter_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("reported_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("category", .string, .required)
            .field("description", .string, .required)
            .field("status", .string, .required)
            .field("reviewed_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("reviewed_at", .datetime)
            .field("resolution", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(on: "user_reports", name: "user_reports_reported_idx", columns: ["reported_id"])
        try await database.index(on: "user_reports", name: "user_reports_reporter_idx", columns: ["reporter_id"])
        try await database.index(
            on: "user_reports", name: "user_reports_queue_idx", columns: ["status", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_reports").delete()
    }
}
