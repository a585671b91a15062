import Fluent

/// The transactional outbox of domain events.
public struct CreateDomainEvents: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("domain_events")
            .id()
            .field("event_type", .string, .required)
            .field("aggregate_id", .uuid, .required)
            .field("payload", .string, .required)
            .field("occurred_at", .datetime, .required)
            .field("request_id", .string)
            .field("created_at", .datetime)
            .create()
        try await database.index(
            on: "domain_events", name: "domain_events_aggregate_idx", columns: ["aggregate_id"])
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("domain_events").delete()
    }
}
