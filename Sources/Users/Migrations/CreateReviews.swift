import Auth
import Fluent
import Platform

/// `reviews` (one per reviewer per delivery), `review_reports` (one per reporter per review) and
/// `review_votes` (one per voter per review).
struct CreateReviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Review.schema)
            .id()
            .field("delivery_id", .uuid, .required)
            .field("reviewer_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("reviewee_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
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
        try await database.index(on: Review.schema, name: "reviews_reviewee_idx", columns: ["reviewee_id", "status"])

        try await database.schema(ReviewReport.schema)
            .id()
            .field("review_id", .uuid, .required, .references(Review.schema, "id", onDelete: .cascade))
            .field("reporter_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
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

        try await database.schema(ReviewVote.schema)
            .id()
            .field("review_id", .uuid, .required, .references(Review.schema, "id", onDelete: .cascade))
            .field("voter_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("helpful", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "review_id", "voter_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReviewVote.schema).delete()
        try await database.schema(ReviewReport.schema).delete()
        try await database.schema(Review.schema).delete()
    }
}
