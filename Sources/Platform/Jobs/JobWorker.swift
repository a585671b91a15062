import NIOConcurrencyHelpers
import Vapor

/// Polls the job queue while the server runs; stopped with the application.
public final class JobWorker: LifecycleHandler, Sendable {
    /// The polling task, set at boot and cancelled at shutdown, which Vapor may call from other threads.
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)
    private let interval: Double

    public init(interval: Double) {
        self.interval = interval
    }

    public func didBootAsync(_ application: Application) async throws {
        let interval = self.interval
        let polling = Task {
            application.logger.info("job worker started, polling every \(interval)s")
            while !Task.isCancelled {
                do {
                    try await application.jobs.runDue(application: application)
                } catch {
                    application.logger.error("job worker round failed: \(error)")
                }
                try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
            }
        }
        task.withLockedValue { $0 = polling }
    }

    public func shutdownAsync(_ application: Application) async {
        let polling = task.withLockedValue { current in
            defer { current = nil }
            return current
        }
        polling?.cancel()
        await polling?.value
    }
}
