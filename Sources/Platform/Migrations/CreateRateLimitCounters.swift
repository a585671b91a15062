import Fluent

/// Fixed-window rate-limit counters shared by every node.
public struct CreateRateLimitCounters: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("rate_limit_counters")
            .field("bucket", .string, .required)
            .field("window_start", .int64, .required)
            .field("hits", .int, .required)
            .field("expires_at", .datetime, .required)
            .compositeIdentifier(over: "bucket", "window_start")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("rate_limit_counters").delete()
    }
}
