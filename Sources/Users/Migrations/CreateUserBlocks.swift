import Auth
import Fluent
import Platform

/// `user_blocks`; a pair is blocked at most once.
struct CreateUserBlocks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_blocks")
            .id()
            .field("blocker_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("blocked_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("reason", .string, .required)
            .field("comment", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "blocker_id", "blocked_id")
            .create()
        try await database.index(on: "user_blocks", name: "user_blocks_blocked_idx", columns: ["blocked_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_blocks").delete()
    }
}
