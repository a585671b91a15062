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

    @Test("the server closes a keep-alive connection once it sits idle")
    func closesIdleConnection() async throws {
        try await withTestApp(configuring: { $0.idleTimeoutSeconds = 1 }) { t in
            try await t.withLiveServer { server in
                let connection = try await server.connect(
                    sending: "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                let response = try #require(await connection.readResponse())
                #expect(response.status == 200)
                #expect(response.header("Connection") == "keep-alive")
                #expect(await connection.waitForServerClose(), "the idle connection was still open after 10 s")
            }
        }
    }
}
