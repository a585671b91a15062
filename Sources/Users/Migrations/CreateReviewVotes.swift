import Auth
import Fluent
import Platform

/// `review_votes`: one per voter per review (not in the seed schema).
struct CreateReviewVotes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("review_votes")
            .id()
            .field("review_id", .uuid, .required, .references("reviews", "id", onDelete: .cascade))
            .field("voter_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("helpful", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "review_id", "voter_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("review_votes").delete()
    }
}
