import NIOConcurrencyHelpers
import Vapor

/// Work a request starts but does not wait for (a notification's outbox row after the answer is sent).
///
/// Each piece runs as its own task; the application's shutdown waits for all of them, so none is cut off
/// half-way by closing the database. A crash loses what had not run yet: use it only for side effects whose
/// loss the next occasion repairs, never for state the answer depends on.
public final class BackgroundWork: Sendable, LifecycleHandler {
    private let running = NIOLockedValueBox<[UUID: Task<Void, Never>]>([:])

    public init() {}

    /// Starts `body`; failures are logged with `name`.
    public func run(_ name: String, logger: Logger, _ body: @escaping @Sendable () async throws -> Void) {
        let id = UUID()
        running.withLockedValue { tasks in
            tasks[id] = Task {
                do {
                    try await body()
                } catch {
                    logger.error("background work \(name) failed: \(error)")
                }
                _ = self.running.withLockedValue { $0.removeValue(forKey: id) }
            }
        }
    }

    /// Waits until everything started so far has finished.
    public func drain() async {
        while true {
            let tasks = running.withLockedValue { Array($0.values) }
            if tasks.isEmpty { return }
            for task in tasks { await task.value }
        }
    }

    public func shutdownAsync(_ application: Application) async {
        await drain()
    }
}

extension Application {
    private struct BackgroundWorkKey: StorageKey {
        typealias Value = BackgroundWork
    }

    /// The application's untracked-by-the-request work; registered with the lifecycle on first use.
    public var backgroundWork: BackgroundWork {
        if let work = storage[BackgroundWorkKey.self] { return work }
        let work = BackgroundWork()
        storage[BackgroundWorkKey.self] = work
        lifecycle.use(work)
        return work
    }
}
