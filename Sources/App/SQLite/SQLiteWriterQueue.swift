import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Platform

/// Lets one SQLite write transaction of this process run at a time; the others wait their turn in FIFO order
/// without holding a thread.
///
/// SQLite serialises writers itself, but a connection waiting for the lock spins in its busy handler on one of
/// the few threads that run every SQLite call (and bcrypt), which can starve the very transaction it waits
/// for. Queueing in the process keeps those threads free; the lock statement still guards against other
/// processes (a `p2p` command run beside the server).
final class SQLiteWriterQueue: Sendable {
    private struct State {
        var busy = false
        var waiters: [(id: UUID, promise: EventLoopPromise<Void>)] = []
    }

    private let state = NIOLockedValueBox(State())
    /// A transaction waiting longer than this fails (503) instead of hanging the request.
    let maximumWait: TimeAmount
    /// Told after every turn: what was written is committed (or rolled back) and visible to readers.
    private let afterWrite: @Sendable () -> Void

    init(maximumWait: TimeAmount = .seconds(30), afterWrite: @escaping @Sendable () -> Void = {}) {
        self.maximumWait = maximumWait
        self.afterWrite = afterWrite
    }

    /// Completes when the caller holds the writer's turn; it must call `release()` afterwards.
    func acquire(on loop: any EventLoop) -> EventLoopFuture<Void> {
        let id = UUID()
        let promise = loop.makePromise(of: Void.self)
        let granted = state.withLockedValue { state -> Bool in
            if !state.busy {
                state.busy = true
                return true
            }
            state.waiters.append((id, promise))
            return false
        }
        if granted {
            promise.succeed()
            return promise.futureResult
        }
        let timeout = loop.scheduleTask(in: maximumWait) { [self] in
            let removed = state.withLockedValue { state -> Bool in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return false }
                state.waiters.remove(at: index)
                return true
            }
            if removed {
                promise.fail(
                    APIError(
                        .serviceUnavailable, code: "DATABASE_BUSY",
                        reason: "The database is busy; please retry"))
            }
        }
        promise.futureResult.whenComplete { _ in timeout.cancel() }
        return promise.futureResult
    }

    /// Writers waiting for their turn.
    var waiting: Int { state.withLockedValue { $0.waiters.count } }

    /// Hands the turn to the next waiter, if any.
    func release() {
        afterWrite()
        let next = state.withLockedValue { state -> EventLoopPromise<Void>? in
            guard !state.waiters.isEmpty else {
                state.busy = false
                return nil
            }
            return state.waiters.removeFirst().promise
        }
        next?.succeed()
    }
}
