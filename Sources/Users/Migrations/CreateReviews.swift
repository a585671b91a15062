import Auth
import Fluent
import Platform

/// `reviews`: one per reviewer per delivery.
struct CreateReviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reviews")
            .id()
            .field("delivery_id", .uuid, .required)
            .field("reviewer_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("reviewee_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("reviewer_role", .string, .required)
            .field("overall_rating", .int, .required)
            .field("comment", .string)
            .field("communication_rating", .int)
            .field("punctuality_rating", .int)
            .field("carefulness_rating", .int)
            .field("friendliness_rating", .int)
            .field("is_anonymous", .bool, .required)
            .field("status", .string, .required)
            .field("moderation_status", .string, .required)
            .field("moderated_by", .uuid)
            .field("moderated_at", .datetime)
            .field("moderation_notes", .string)
            .field("response", .string)
            .field("responded_at", .datetime)
            .field("helpful_count", .int, .required)
            .field("unhelpful_count", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "delivery_id", "reviewer_id")
            .create()
        try await database.index(on: "reviews", name: "reviews_reviewee_idx", columns: ["reviewee_id", "status"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reviews").delete()
    }
}
