import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The single-node hub: after every write the database finishes (a commit, a rollback, a lone statement), it
/// reads the backlog past the last message it dispatched and hands what it finds to this node's subscribers.
///
/// Reading the committed backlog instead of handing messages over at `announce` is what keeps a rolled-back
/// change from reaching anyone. It relies on commits happening in id order, which SQLite's single writer gives.
public final class InProcessRealtimeHub: RealtimeHub {
    private struct State: Sendable {
        var dispatched: Int64 = 0
        var task: Task<Void, Never>?
    }

    private let state = NIOLockedValueBox(State())
    private let wakeUp: RealtimeWakeUp

    public init(wakeUp: RealtimeWakeUp) {
        self.wakeUp = wakeUp
    }

    public func start(delivering subscribers: RealtimeSubscribers, application: Application) async throws {
        let start = try await RealtimeBacklog.latestCursor(on: application.db)
        state.withLockedValue { $0.dispatched = start }
        let signals = wakeUp.signals()
        let task = Task { [state] in
            for await _ in signals {
                var cursor = state.withLockedValue { $0.dispatched }
                do {
                    while true {
                        let batch = try await RealtimeBacklog.messages(
                            after: cursor, limit: 1000, on: application.db)
                        for message in batch { subscribers.dispatch(message) }
                        cursor = batch.last?.cursor ?? cursor
                        if batch.count < 1000 { break }
                    }
                } catch {
                    application.logger.warning(
                        "real-time dispatch could not read the backlog: \(String(reflecting: error))")
                }
                state.withLockedValue { $0.dispatched = cursor }
            }
        }
        state.withLockedValue { $0.task = task }
    }

    public func announce(_ message: RealtimeMessage, on db: any Database) async throws {
        // Inside a transaction the database's wake-up after the commit does it; a lone write is committed now.
        if !db.inTransaction { wakeUp.ring() }
    }

    public func broadcast(_ message: RealtimeMessage, application: Application) async throws {
        application.realtime.subscribers.dispatch(message)
    }

    public func shutdown() async {
        let task = state.withLockedValue { $0.task }
        wakeUp.finish()
        await task?.value
    }
}

/// Rung by the database after each write it finishes; wakes the single-node hub. Rings coalesce: one pending
/// wake-up covers any number of writes.
public final class RealtimeWakeUp: Sendable {
    private let stream: NIOLockedValueBox<(AsyncStream<Void>, AsyncStream<Void>.Continuation)>

    public init() {
        stream = NIOLockedValueBox(AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1)))
    }

    /// Wakes the hub; cheap enough for every write.
    public func ring() {
        stream.withLockedValue { _ = $0.1.yield() }
    }

    func signals() -> AsyncStream<Void> {
        stream.withLockedValue { $0.0 }
    }

    func finish() {
        stream.withLockedValue { $0.1.finish() }
    }
}
