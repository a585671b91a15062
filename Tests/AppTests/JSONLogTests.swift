import App
import Foundation
import Logging
import NIOConcurrencyHelpers
import TestSupport
import Testing

@Suite("JSON logs")
struct JSONLogTests {
    @Test("a request's log lines are JSON objects carrying its request id")
    func requestIdInEveryLine() async throws {
        try await withTestApp { t in
            let lines = NIOLockedValueBox<[Data]>([])
            t.app.logger = Logger(label: "test") { label in
                var handler = JSONLogHandler(label: label) { data in lines.withLockedValue { $0.append(data) } }
                handler.logLevel = .debug
                return handler
            }
            t.app.get("log-something") { req -> String in
                req.logger.info("hello from a handler", metadata: ["answer": "42"])
                return "ok"
            }.doc("test", auth: false)
            _ = try await t.request(.GET, "/log-something", headers: ["X-Request-Id": "req-77"])
            let records = lines.withLockedValue { $0 }.compactMap {
                try? JSONSerialization.jsonObject(with: $0) as? [String: Any]
            }
            let line = try #require(records.first { $0["message"] as? String == "hello from a handler" })
            #expect(line["request-id"] as? String == "req-77")
            #expect(line["level"] as? String == "info")
            #expect(line["answer"] as? String == "42")
            #expect(line["timestamp"] as? String != nil)
        }
    }
}
