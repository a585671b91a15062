import Fluent
import Foundation
import SQLKit

/// One row of the `domain_events` outbox: written in the same transaction as the change it describes.
public final class DomainEventRecord: Model, @unchecked Sendable {
    public static let schema = "domain_events"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    @Field(key: "event_type") public var eventType: String
    @Field(key: "aggregate_id") public var aggregateId: UUID
    @Field(key: "payload") public var payload: String
    @Field(key: "occurred_at") public var occurredAt: Date
    @OptionalField(key: "request_id") public var requestId: String?

    public init() {}

    public init(eventType: String, aggregateId: UUID, payload: String, occurredAt: Date, requestId: String?) {
        self.eventType = eventType
        self.aggregateId = aggregateId
        self.payload = payload
        self.occurredAt = occurredAt
        self.requestId = requestId
    }
}

extension DomainEventRecord {
    /// Writes the record with one SQL insert. Every change in the platform publishes events, and Fluent's
    /// reflective `create` costs several times the insert itself.
    func insert(on db: any Database) async throws {
        let id = self.id ?? UUID()
        let createdAt = Date()
        try await db.sqlDatabase.raw(
            """
            INSERT INTO domain_events (id, created_at, event_type, aggregate_id, payload, occurred_at, request_id)
            VALUES (\(bind: id), \(bind: createdAt), \(bind: eventType), \(bind: aggregateId), \(bind: payload),
                \(bind: occurredAt), \(bind: requestId))
            """
        ).run()
        self.id = id
        self.createdAt = createdAt
        $id.exists = true
    }
}
