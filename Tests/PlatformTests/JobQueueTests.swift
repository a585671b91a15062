import Fluent
import Foundation
import NIOConcurrencyHelpers
import TestSupport
import Testing

@testable import Platform

@Suite("Durable job queue")
struct JobQueueTests {
    struct Note: Codable, Sendable { var text: String }

    @Test("a failing job retries with exponential backoff, then goes dead")
    func retriesThenDead() async throws {
        try await withTestApp { t in
            let attempts = NIOLockedValueBox(0)
            t.app.jobs.register("test.flaky", payload: Note.self) { _, _ in
                attempts.withLockedValue { $0 += 1 }
                throw APIError.badRequest("always fails")
            }
            let id = try await t.app.callContext().enqueue("test.flaky", payload: Note(text: "x"), maxAttempts: 3)
            try await t.runJobs()
            var job = try #require(try await BackgroundJobRecord.find(id, on: t.app.db))
            #expect(job.status == .pending)
            #expect(job.attempts == 1)
            #expect(job.runAt == t.clock.now().addingTimeInterval(5))
            #expect(job.lastError?.contains("always fails") == true)

            try await t.runJobs()  // not due yet
            #expect(attempts.withLockedValue { $0 } == 1)

            t.clock.advance(by: 5)
            try await t.runJobs()
            job = try #require(try await BackgroundJobRecord.find(id, on: t.app.db))
            #expect(job.attempts == 2)
            #expect(job.runAt == t.clock.now().addingTimeInterval(10))

            t.clock.advance(by: 10)
            try await t.runJobs()
            job = try #require(try await BackgroundJobRecord.find(id, on: t.app.db))
            #expect(job.status == .dead)
            #expect(attempts.withLockedValue { $0 } == 3)
        }
    }

    @Test("backoff doubles and is capped at an hour")
    func backoff() {
        #expect(JobQueue.backoff(afterAttempt: 1) == 5)
        #expect(JobQueue.backoff(afterAttempt: 2) == 10)
        #expect(JobQueue.backoff(afterAttempt: 5) == 80)
        #expect(JobQueue.backoff(afterAttempt: 30) == 3600)
    }

    @Test("sensitive payloads are blanked once delivered")
    func sensitiveScrubbed() async throws {
        try await withTestApp { t in
            t.app.jobs.register("test.secret", payload: Note.self) { _, _ in }
            let id = try await t.app.callContext().enqueue(
                "test.secret", payload: Note(text: "code 123456"), sensitive: true)
            try await t.runJobs()
            let job = try #require(try await BackgroundJobRecord.find(id, on: t.app.db))
            #expect(job.status == .completed)
            #expect(job.payload == "{}")
        }
    }

    @Test("a job enqueued in a rolled-back transaction never runs")
    func transactional() async throws {
        try await withTestApp { t in
            let runs = NIOLockedValueBox(0)
            t.app.jobs.register("test.count", payload: Note.self) { _, _ in runs.withLockedValue { $0 += 1 } }
            struct Rollback: Error {}
            _ = try? await t.app.callContext().transaction { tx in
                try await tx.enqueue("test.count", payload: Note(text: "no"))
                throw Rollback()
            }
            _ = try await t.app.callContext().transaction { tx in
                try await tx.enqueue("test.count", payload: Note(text: "yes"))
            }
            try await t.runJobs()
            #expect(runs.withLockedValue { $0 } == 1)
        }
    }

    @Test("recurring tasks run once per interval")
    func recurring() async throws {
        try await withTestApp { t in
            let runs = NIOLockedValueBox(0)
            t.app.jobs.schedule(RecurringTask(name: "test.tick", every: 60) { _ in runs.withLockedValue { $0 += 1 } })
            try await t.runJobs()
            try await t.runJobs()
            #expect(runs.withLockedValue { $0 } == 1)
            t.clock.advance(by: 60)
            try await t.runJobs()
            #expect(runs.withLockedValue { $0 } == 2)
        }
    }
}
