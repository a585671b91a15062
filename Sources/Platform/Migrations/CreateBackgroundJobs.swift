import Fluent

/// `background_jobs`: the durable job queue (and the delivery half of the event outbox).
public struct CreateBackgroundJobs: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("background_jobs")
            .id()
            .field("name", .string, .required)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("run_at", .datetime, .required)
            .field("locked_at", .datetime)
            .field("locked_by", .string)
            .field("last_error", .string)
            .field("completed_at", .datetime)
            .field("sensitive", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index(
            on: "background_jobs", name: "background_jobs_due_idx", columns: ["status", "run_at"])
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("background_jobs").delete()
    }
}
