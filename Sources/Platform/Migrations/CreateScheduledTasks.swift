import Fluent

/// `scheduled_tasks`: when each recurring task runs next.
public struct CreateScheduledTasks: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("scheduled_tasks")
            .field("name", .string, .identifier(auto: false))
            .field("next_run_at", .datetime, .required)
            .field("last_run_at", .datetime)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("scheduled_tasks").delete()
    }
}
