import Fluent
import NIOConcurrencyHelpers
import Vapor

/// What a subscriber gets besides the event.
public struct EventContext: Sendable {
    public let eventId: UUID
    public let occurredAt: Date
    /// The transaction of the publishing change (in-transaction subscribers) or a fresh connection (after commit).
    public let db: any Database
    public let application: Application
    public let logger: Logger
}

/// Publishes domain events through the transactional outbox.
///
/// `publish` writes the event to `domain_events` and runs in-transaction subscribers on the same database
/// handle, so their changes commit or roll back with the publisher's. Subscribers that talk to the outside
/// world are registered with `subscribeAfterCommit`: publishing enqueues one durable job per such subscriber
/// in the same transaction, and the job queue runs them after commit, at least once, with retries.
public final class EventBus: Sendable {
    typealias Handler = @Sendable (Data, EventContext) async throws -> Void

    private struct Subscription: Sendable {
        let name: String
        let handler: Handler
    }

    private let inTransaction = NIOLockedValueBox<[String: [Subscription]]>([:])
    private let afterCommit = NIOLockedValueBox<[String: [Subscription]]>([:])
    private let encoder: JSONEncoder
    private let decoder: JSONDecoder

    public init() {
        encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
    }

    /// Runs `handler` inside the publishing transaction; a thrown error rolls the whole change back.
    public func subscribe<Event: DomainEvent>(
        _ type: Event.Type, name: String, handler: @escaping @Sendable (Event, EventContext) async throws -> Void
    ) {
        let subscription = Subscription(name: name, handler: wrap(type, handler))
        inTransaction.withLockedValue { $0[Event.eventType, default: []].append(subscription) }
    }

    /// Runs `handler` after the publishing transaction committed, from the job queue, at least once.
    /// `name` must be unique and stable: queued deliveries refer to it.
    public func subscribeAfterCommit<Event: DomainEvent>(
        _ type: Event.Type, name: String, handler: @escaping @Sendable (Event, EventContext) async throws -> Void
    ) {
        let subscription = Subscription(name: name, handler: wrap(type, handler))
        afterCommit.withLockedValue { $0[Event.eventType, default: []].append(subscription) }
    }

    /// Records `event` in the outbox, runs in-transaction subscribers and queues the after-commit ones.
    /// Call it with the transaction's database handle.
    public func publish<Event: DomainEvent>(
        _ event: Event, on db: any Database, application: Application, requestId: String? = nil
    ) async throws {
        let payload = try encoder.encode(event)
        let record = DomainEventRecord(
            eventType: Event.eventType, aggregateId: event.aggregateId,
            payload: String(decoding: payload, as: UTF8.self), occurredAt: application.clock.now(),
            requestId: requestId)
        try await record.insert(on: db)
        let eventId = try record.requireID()
        let context = EventContext(
            eventId: eventId, occurredAt: record.occurredAt, db: db, application: application,
            logger: application.logger)
        for subscription in inTransaction.withLockedValue({ $0[Event.eventType] ?? [] }) {
            try await subscription.handler(payload, context)
        }
        for subscription in afterCommit.withLockedValue({ $0[Event.eventType] ?? [] }) {
            try await application.jobs.enqueue(
                EventDeliveryJob.name,
                payload: EventDeliveryJob.Payload(eventId: eventId, subscriber: subscription.name),
                runAt: record.occurredAt, on: db)
        }
    }

    /// Delivers one stored event to one after-commit subscriber (called by `EventDeliveryJob`).
    func deliver(eventId: UUID, subscriber: String, db: any Database, application: Application) async throws {
        guard let record = try await DomainEventRecord.find(eventId, on: db) else {
            throw APIError.notFound("Event \(eventId)")
        }
        let subscriptions = afterCommit.withLockedValue { $0[record.eventType] ?? [] }
        guard let subscription = subscriptions.first(where: { $0.name == subscriber }) else {
            application.logger.warning("no subscriber \(subscriber) for \(record.eventType); dropping delivery")
            return
        }
        let context = EventContext(
            eventId: eventId, occurredAt: record.occurredAt, db: db, application: application,
            logger: application.logger)
        try await subscription.handler(Data(record.payload.utf8), context)
    }

    private func wrap<Event: DomainEvent>(
        _ type: Event.Type, _ handler: @escaping @Sendable (Event, EventContext) async throws -> Void
    ) -> Handler {
        let decoder = self.decoder
        return { data, context in
            try await handler(try decoder.decode(Event.self, from: data), context)
        }
    }
}

/// The job that hands one outbox event to one after-commit subscriber.
enum EventDeliveryJob {
    static let name = "event.deliver"

    struct Payload: Codable, Sendable {
        var eventId: UUID
        var subscriber: String
    }
}

extension Application {
    private struct EventBusKey: StorageKey {
        typealias Value = EventBus
    }

    /// The application's event bus.
    public var events: EventBus {
        if let bus = storage[EventBusKey.self] { return bus }
        let bus = EventBus()
        storage[EventBusKey.self] = bus
        return bus
    }
}
