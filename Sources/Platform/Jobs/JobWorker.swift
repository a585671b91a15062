import Vapor

/// Polls the job queue while the server runs; stopped with the application.
public final class JobWorker: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?
    private let interval: Double

    public init(interval: Double) {
        self.interval = interval
    }

    public func didBootAsync(_ application: Application) async throws {
        let interval = self.interval
        task = Task {
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
    }

    public func shutdownAsync(_ application: Application) async {
        task?.cancel()
        await task?.value
    }
}
