import Fluent
import Foundation
import Platform
import TestSupport
import Testing
import Vapor

@Suite("Job worker")
struct JobWorkerTests {
    struct Ping: Codable, Sendable {}

    @Test("a started worker runs due jobs, and shutdown stops it and waits for its round")
    func startsAndStops() async throws {
        try await withTestApp { t in
            let (ran, signal) = AsyncStream<Void>.makeStream()
            t.app.jobs.register("test.ping", payload: Ping.self) { _, _ in signal.yield() }
            try await t.app.callContext().enqueue("test.ping", payload: Ping())
            let worker = JobWorker(interval: 0.01)
            try await worker.didBootAsync(t.app)
            for await _ in ran { break }
            // Shutdown from another task while the worker polls: the task handle is shared state.
            async let first: Void = worker.shutdownAsync(t.app)
            async let second: Void = worker.shutdownAsync(t.app)
            _ = await (first, second)
            let pending = try await BackgroundJobRecord.query(on: t.app.db).filter(\.$status == .pending).count()
            #expect(pending == 0)
        }
    }
}
