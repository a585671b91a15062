import Auth
import Fluent
import Platform

/// `review_reports`: one per reporter per review.
struct CreateReviewReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("review_reports")
            .id()
            .field("review_id", .uuid, .required, .references("reviews", "id", onDelete: .cascade))
            .field("reporter_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("reason", .string, .required)
            .field("description", .string)
            .field("status", .string, .required)
            .field("reviewed_by", .uuid)
            .field("reviewed_at", .datetime)
            .field("resolution", .string)
            .field("moderation_action", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "review_id", "reporter_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("review_reports").delete()
    }
}
