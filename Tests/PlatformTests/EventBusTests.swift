import Fluent
import Foundation
import NIOConcurrencyHelpers
import TestSupport
import Testing

@testable import Platform

@Suite("Event bus and outbox")
struct EventBusTests {
    struct Pinged: DomainEvent {
        static let eventType = "test.pinged"
        var id: UUID
        var aggregateId: UUID { id }
    }

    @Test("in-transaction subscribers roll back with the publisher; after-commit ones run from the queue")
    func outbox() async throws {
        try await withTestApp { t in
            let delivered = NIOLockedValueBox<[UUID]>([])
            t.app.events.subscribeAfterCommit(Pinged.self, name: "test.after") { event, _ in
                delivered.withLockedValue { $0.append(event.id) }
            }
            t.app.events.subscribe(Pinged.self, name: "test.inside") { event, context in
                // Writes through the publisher's transaction.
                try await AuditLogEntry(
                    actorId: nil, userId: event.id, category: "test", action: "pinged", entityType: nil, entityId: nil,
                    ipAddress: nil, userAgent: nil, requestId: nil, metadata: [:], createdAt: Date()
                ).create(on: context.db)
            }
            let kept = UUID()
            let dropped = UUID()
            try await t.app.db.transaction { db in
                try await t.app.events.publish(Pinged(id: kept), on: db, application: t.app)
            }
            struct Rollback: Error {}
            _ = try? await t.app.db.transaction { db in
                try await t.app.events.publish(Pinged(id: dropped), on: db, application: t.app)
                throw Rollback()
            }
            #expect(delivered.withLockedValue { $0 }.isEmpty)  // nothing before the queue runs
            try await t.runJobs()
            #expect(delivered.withLockedValue { $0 } == [kept])
            let stored = try await DomainEventRecord.query(on: t.app.db).all()
            #expect(stored.map(\.aggregateId) == [kept])
            let audited = try await AuditLogEntry.query(on: t.app.db).filter(\.$action == "pinged").count()
            #expect(audited == 1)
        }
    }

    @Test("a failing in-transaction subscriber rolls the change back")
    func subscriberFailure() async throws {
        try await withTestApp { t in
            t.app.events.subscribe(Pinged.self, name: "test.veto") { _, _ in throw APIError.conflict("no") }
            await #expect(throws: APIError.self) {
                try await t.app.db.transaction { db in
                    try await t.app.events.publish(Pinged(id: UUID()), on: db, application: t.app)
                }
            }
            let stored = try await DomainEventRecord.query(on: t.app.db).count()
            #expect(stored == 0)
        }
    }
}
