import Foundation
import NIOCore
import TestSupport
import Testing

@testable import App

@Suite("HTTP edge: idle keep-alive connections")
struct IdleTimeoutTests {
    @Test("P2P_IDLE_TIMEOUT_SECONDS becomes the server's idle timeout; 0 turns it off")
    func wiring() async throws {
        #expect(HTTPEdge.idleTimeout(seconds: 30) == .seconds(30))
        #expect(HTTPEdge.idleTimeout(seconds: 0.25) == .milliseconds(250))
        #expect(HTTPEdge.idleTimeout(seconds: 0) == nil)
        try await withTestApp { t in
            #expect(t.app.http.server.configuration.idleTimeout == .seconds(75))
        }
        try await withTestApp(configuring: { $0.idleTimeoutSeconds = 0 }) { t in
            #expect(t.app.http.server.configuration.idleTimeout == nil)
        }
    }

    /// Two connections at once: one that never sends a request, and one that is answered and then left open.
    /// The timeout counts silence in both directions, so a handler slower than it would lose its connection too;
    /// three seconds keeps `/health/live` well inside it even on a loaded machine.
    @Test("the server closes connections that sit idle, before and after an answered keep-alive request")
    func closesIdleConnections() async throws {
        try await withTestApp(configuring: { $0.idleTimeoutSeconds = 3 }) { t in
            try await t.withLiveServer { server in
                let silent = try await server.connect()
                let answered = try await server.connect(
                    sending: "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                let response = try #require(await answered.readResponse())
                #expect(response.status == 200)
                #expect(response.header("Connection") == "keep-alive")
                async let silentClosed = silent.waitForServerClose()
                async let answeredClosed = answered.waitForServerClose()
                #expect(await silentClosed, "the silent connection was still open after 10 s")
                #expect(await answeredClosed, "the idle keep-alive connection was still open after 10 s")
            }
        }
    }
}
