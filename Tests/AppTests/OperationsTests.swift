import Foundation
import TestSupport
import Testing

@Suite("Errors, request ids, health, metrics")
struct OperationsTests {
    @Test("unknown routes answer 404 `Endpoint not found` in the seed's error body")
    func unknownRoute() async throws {
        try await withTestApp { t in
            let response = try await t.request(.GET, "/api/v1/nothing-here")
            #expect(response.status == .notFound)
            #expect(response.json["success"] as? Bool == false)
            #expect(response.json["message"] as? String == "Endpoint not found")
            #expect(response.code == "ENDPOINT_NOT_FOUND")
            #expect(response.json["errors"] as? [String] == [])
            #expect(response.json["timestamp"] as? String != nil)
            #expect(response.json["requestId"] as? String == response.headers.first(name: "X-Request-Id"))
        }
    }

    @Test("a client's X-Request-Id is echoed; one is minted otherwise")
    func requestId() async throws {
        try await withTestApp { t in
            let echoed = try await t.request(.GET, "/health", headers: ["X-Request-Id": "abc-123"])
            #expect(echoed.headers.first(name: "X-Request-Id") == "abc-123")
            let minted = try await t.request(.GET, "/health")
            #expect((minted.headers.first(name: "X-Request-Id") ?? "").count >= 8)
            let failing = try await t.request(.GET, "/api/v1/auth/validate", headers: ["X-Request-Id": "trace-9"])
            #expect(failing.json["requestId"] as? String == "trace-9")
        }
    }

    @Test("unexpected errors are a 500 without internals")
    func internalError() async throws {
        try await withTestApp { t in
            struct Boom: Error { let secret = "db password is hunter2" }
            t.app.get("explode") { _ -> String in throw Boom() }
            let response = try await t.request(.GET, "/explode")
            #expect(response.status == .internalServerError)
            #expect(response.code == "INTERNAL_ERROR")
            #expect(response.json["message"] as? String == "Internal server error")
            #expect(!response.text.contains("hunter2"))
            #expect(!response.text.contains("Boom"))
        }
    }

    @Test("health, liveness and readiness report the database")
    func health() async throws {
        try await withTestApp { t in
            let health = try await t.request(.GET, "/health")
            #expect(health.status == .ok)
            #expect(health.json["status"] as? String == "ok")
            #expect((health.json["services"] as? [String: String])?["database"] == "ok")
            #expect(try await t.request(.GET, "/health/live").status == .ok)
            #expect(try await t.request(.GET, "/health/ready").status == .ok)
        }
    }

    @Test("metrics count requests by route pattern and status, with latency histograms")
    func metrics() async throws {
        try await withTestApp { t in
            _ = try await t.request(.GET, "/health")
            _ = try await t.request(.GET, "/api/v1/auth/sessions/\(UUID())")
            _ = try await t.request(.GET, "/nowhere")
            let metrics = try await t.request(.GET, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers.first(name: .contentType)?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains(#"http_requests_total{method="GET",route="/health",status="200"} 1"#))
            #expect(
                metrics.text.contains(#"route="/api/v1/auth/sessions/:sessionId",status="405""#)
                    || metrics.text.contains(#"route="unmatched",status="404""#))
            #expect(metrics.text.contains("http_request_duration_seconds_bucket"))
        }
    }
}
