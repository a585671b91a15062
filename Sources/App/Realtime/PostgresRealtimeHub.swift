import Fluent
import FluentPostgresDriver
import Foundation
import NIOConcurrencyHelpers
import Platform
import PostgresKit
import SQLKit
import Vapor

/// The hub of nodes that share one PostgreSQL database: `announce` runs `pg_notify` in the transaction that
/// wrote the message, so PostgreSQL delivers it to every node's `LISTEN` connection when, and only when, that
/// transaction commits. Each node listens on a connection of its own (not one of the pool) and hands what it
/// hears to its subscribers; after a lost connection it reconnects and replays the backlog it missed.
final class PostgresRealtimeHub: RealtimeHub {
    /// The notification channel; NOTIFY is per database, so nodes of other databases never hear each other.
    static let channel = "p2p_realtime"
    /// NOTIFY payloads must stay under 8,000 bytes; a larger message is announced by its cursor only and read
    /// from the backlog by each node.
    static let inlineLimit = 7_000

    private struct State: Sendable {
        var task: Task<Void, Never>?
        var lastCursor: Int64 = 0
    }

    private let configuration: SQLPostgresConfiguration
    private let state = NIOLockedValueBox(State())

    init(configuration: SQLPostgresConfiguration) {
        self.configuration = configuration
    }

    func start(delivering subscribers: RealtimeSubscribers, application: Application) async throws {
        let (listening, ready) = AsyncStream.makeStream(of: Void.self)
        let task = Task { [state, configuration] in
            var attempt = 0
            while !Task.isCancelled {
                do {
                    try await Self.listen(
                        configuration: configuration, subscribers: subscribers, application: application,
                        state: state, ready: ready)
                } catch {
                    if Task.isCancelled { break }
                    application.logger.warning("real-time LISTEN connection lost: \(String(reflecting: error))")
                }
                ready.yield()
                attempt += 1
                try? await Task.sleep(for: .milliseconds(min(5_000, 100 * (1 << min(attempt, 6)))))
            }
            ready.finish()
        }
        state.withLockedValue { $0.task = task }
        // Boot waits until this node listens, so a message committed after boot is never missed.
        var iterator = listening.makeAsyncIterator()
        _ = await iterator.next()
    }

    private static func listen(
        configuration: SQLPostgresConfiguration, subscribers: RealtimeSubscribers, application: Application,
        state: NIOLockedValueBox<State>, ready: AsyncStream<Void>.Continuation
    ) async throws {
        let connection = try await PostgresConnection.connect(
            on: application.eventLoopGroup.any(), configuration: configuration.coreConfiguration, id: 1,
            logger: application.logger)
        defer { Task { try? await connection.close() } }
        try await connection.listen(on: channel) { notifications in
            // Whatever was committed while this node was not listening comes from the backlog first.
            let since = state.withLockedValue { $0.lastCursor }
            if since > 0 {
                for message in try await RealtimeBacklog.messages(after: since, limit: 10_000, on: application.db) {
                    deliver(message, to: subscribers, state: state)
                }
            } else {
                let latest = try await RealtimeBacklog.latestCursor(on: application.db)
                state.withLockedValue { $0.lastCursor = max($0.lastCursor, latest) }
            }
            ready.yield()
            for try await notification in notifications {
                guard let notice = RealtimeNotice(payload: notification.payload) else { continue }
                switch notice {
                case .inline(let message): deliver(message, to: subscribers, state: state)
                case .reference(let cursor):
                    if let message = try await RealtimeBacklog.message(cursor, on: application.db) {
                        deliver(message, to: subscribers, state: state)
                    }
                }
            }
        }
    }

    private static func deliver(
        _ message: RealtimeMessage, to subscribers: RealtimeSubscribers, state: NIOLockedValueBox<State>
    ) {
        if let cursor = message.cursor { state.withLockedValue { $0.lastCursor = max($0.lastCursor, cursor) } }
        subscribers.dispatch(message)
    }

    func announce(_ message: RealtimeMessage, on db: any Database) async throws {
        try await Self.notify(RealtimeNotice.payload(for: message, inlineLimit: Self.inlineLimit), on: db)
    }

    func broadcast(_ message: RealtimeMessage, application: Application) async throws {
        try await Self.notify(RealtimeNotice.payload(for: message, inlineLimit: Self.inlineLimit), on: application.db)
    }

    private static func notify(_ payload: String, on db: any Database) async throws {
        try await db.sqlDatabase.raw("SELECT pg_notify(\(bind: channel), \(bind: payload))").run()
    }

    func shutdown() async {
        let task = state.withLockedValue { $0.task }
        task?.cancel()
        await task?.value
    }
}
