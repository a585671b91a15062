import Foundation
import NIOConcurrencyHelpers
import TestSupport
import Testing
import Vapor

@testable import Platform

@Suite("Idempotency keys")
struct IdempotencyTests {
    /// A POST that counts how often it really ran.
    private func installCounter(_ t: TestApp) -> NIOLockedValueBox<Int> {
        let counter = NIOLockedValueBox(0)
        t.app.grouped(IdempotencyMiddleware()).post("test-create") { req -> Response in
            let value = counter.withLockedValue { value in
                value += 1
                return value
            }
            let response = Response(status: .created, body: .init(string: #"{"created":\#(value)}"#))
            response.headers.contentType = .json
            return response
        }.doc("test", auth: false)
        return counter
    }

    @Test("same key and body replays the first response; a different body is a 409")
    func replay() async throws {
        try await withTestApp { t in
            let counter = installCounter(t)
            let first = try await t.request(.POST, "/test-create", json: ["a": 1], headers: ["Idempotency-Key": "k-1"])
            let second = try await t.request(.POST, "/test-create", json: ["a": 1], headers: ["Idempotency-Key": "k-1"])
            #expect(first.status == .created && second.status == .created)
            #expect(first.json["created"] as? Int == 1)
            #expect(second.json["created"] as? Int == 1)
            #expect(second.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(counter.withLockedValue { $0 } == 1)

            let conflicting = try await t.request(
                .POST, "/test-create", json: ["a": 2], headers: ["Idempotency-Key": "k-1"])
            #expect(conflicting.status == .conflict)
            #expect(conflicting.code == "IDEMPOTENCY_KEY_REUSED")

            let other = try await t.request(.POST, "/test-create", json: ["a": 1], headers: ["Idempotency-Key": "k-2"])
            #expect(other.json["created"] as? Int == 2)
            let none = try await t.request(.POST, "/test-create", json: ["a": 1])
            #expect(none.json["created"] as? Int == 3)
        }
    }

    @Test("the same JSON object in another key order is the same request")
    func keyOrder() async throws {
        try await withTestApp { t in
            let counter = installCounter(t)
            let first = try await t.request(
                .POST, "/test-create", body: Data(#"{"a":1,"b":{"x":true,"y":[1,2]}}"#.utf8),
                contentType: "application/json",
                headers: ["Idempotency-Key": "k-order"])
            let second = try await t.request(
                .POST, "/test-create", body: Data(#"{ "b": {"y":[1,2], "x":true}, "a": 1 }"#.utf8),
                contentType: "application/json", headers: ["Idempotency-Key": "k-order"])
            #expect(first.status == .created)
            #expect(second.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(counter.withLockedValue { $0 } == 1)
        }
    }

    @Test("keys expire after 24 hours")
    func expiry() async throws {
        try await withTestApp { t in
            let counter = installCounter(t)
            _ = try await t.request(.POST, "/test-create", json: [:], headers: ["Idempotency-Key": "old"])
            t.clock.advance(by: 24 * 3600 + 3600)
            try await t.runJobs()  // the purge task
            _ = try await t.request(.POST, "/test-create", json: [:], headers: ["Idempotency-Key": "old"])
            #expect(counter.withLockedValue { $0 } == 2)
        }
    }
}

@Suite("Rate limiter")
struct RateLimiterTests {
    @Test("fixed windows count per key and reset at the window's end")
    func window() async throws {
        try await withTestApp { t in
            let limiter = RateLimiter(db: t.app.db, clock: t.clock)
            for expected in 1...3 {
                let decision = try await limiter.hit("k", limit: 3, window: 60)
                #expect(decision.allowed && decision.count == expected)
            }
            let blocked = try await limiter.hit("k", limit: 3, window: 60)
            #expect(!blocked.allowed)
            #expect(blocked.retryAfter > 0 && blocked.retryAfter <= 60)
            #expect(try await limiter.hit("other", limit: 3, window: 60).allowed)
            t.clock.advance(by: TimeInterval(blocked.retryAfter))
            #expect(try await limiter.hit("k", limit: 3, window: 60).count == 1)
        }
    }
}
