import Fluent

/// The durable job queue and the recurring-task schedule.
public struct CreateBackgroundJobs: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(BackgroundJobRecord.schema)
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
            on: BackgroundJobRecord.schema, name: "background_jobs_due_idx", columns: ["status", "run_at"])
        try await database.schema(ScheduledTaskRecord.schema)
            .field("name", .string, .identifier(auto: false))
            .field("next_run_at", .datetime, .required)
            .field("last_run_at", .datetime)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ScheduledTaskRecord.schema).delete()
        try await database.schema(BackgroundJobRecord.schema).delete()
    }
}
