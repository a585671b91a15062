import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOHTTP1
import TestSupport
import Testing
import Vapor

@testable import App

@Suite("HTTP edge: clients that hang up mid-body")
struct ClientAbortTests {
    /// Log records kept for assertions, with a stream that yields each one as it is written.
    final class CapturedLogs: Sendable {
        let records = NIOLockedValueBox<[(level: Logger.Level, message: String)]>([])
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)

        var logger: Logger {
            Logger(label: "captured") { _ in CapturingLogHandler(logs: self) }
        }

        func levels(containing text: String) -> [Logger.Level] {
            records.withLockedValue { $0.filter { $0.message.contains(text) }.map(\.level) }
        }
    }

    struct CapturingLogHandler: LogHandler {
        let logs: CapturedLogs
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            logs.records.withLockedValue { $0.append((event.level, event.message.description)) }
            logs.continuation.yield(event.message.description)
        }
    }

    /// Fails like a body read after the client closed: Vapor hands the parser's EOF error to the body stream.
    struct BodyLostResponder: AsyncResponder {
        func respond(to request: Request) async throws -> Response {
            throw HTTPParserError.invalidEOFState
        }
    }

    @Test("the error a lost body raises is logged at info and counted as 499, not a critical 500")
    func middlewareLevel() async throws {
        try await withTestApp { t in
            let logs = CapturedLogs()
            let chain = [RequestMetricsMiddleware(metrics: t.app.requestMetrics), APIErrorMiddleware()].makeResponder(
                chainingTo: BodyLostResponder())
            let request = Request(
                application: t.app, method: .POST, url: URI(string: "/api/v1/auth/register"), logger: logs.logger,
                on: t.app.eventLoopGroup.next())
            let response = try await chain.respond(to: request).get()
            #expect(response.status.code == 499)
            #expect(logs.levels(containing: "client closed") == [.info])
            #expect(logs.records.withLockedValue { $0 }.allSatisfy { $0.level < .error })
            let metrics = t.app.requestMetrics.exposition()
            #expect(metrics.contains(#"status="499""#))
            #expect(!metrics.contains(#"status="500""#))

            let other = try await [APIErrorMiddleware()].makeResponder(chainingTo: FailingResponder())
                .respond(to: request).get()
            #expect(other.status == .internalServerError, "other failures stay 500s")
        }
    }

    struct FailingResponder: AsyncResponder {
        func respond(to request: Request) async throws -> Response {
            throw HTTPParserError.invalidHeaderToken
        }
    }

    /// Outermost of all: yields the final status once a response has left every other middleware.
    struct ResponseSignal: AsyncMiddleware {
        let logs: CapturedLogs

        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            let response = try await next.respond(to: request)
            logs.continuation.yield("finished with \(response.status.code)")
            return response
        }
    }

    @Test("on a real socket, a client closing mid-body is the error recognised above")
    func onTheWire() async throws {
        try await withTestApp { t in
            let logs = CapturedLogs()
            t.app.logger = logs.logger
            t.app.middleware.use(ResponseSignal(logs: logs), at: .beginning)
            try await t.withLiveServer { server in
                let connection = try await server.connect(
                    sending: "POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"email\":\"half")
                await connection.close()
                let watchdog = Task {
                    try await Task.sleep(for: RawConnection.deadline)
                    logs.continuation.yield("finished with nothing before the deadline")
                }
                defer { watchdog.cancel() }
                var outcome: String?
                for await message in logs.stream where message.hasPrefix("finished with") {
                    outcome = message
                    break
                }
                #expect(outcome == "finished with 499")
                #expect(logs.levels(containing: "client closed") == [.info])
                #expect(logs.records.withLockedValue { $0 }.allSatisfy { $0.level < .error })
                #expect(t.app.requestMetrics.exposition().contains(#"status="499""#))
            }
        }
    }
}
