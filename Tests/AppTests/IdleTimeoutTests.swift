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

    /// Two connections: one that never sends a request, and one that asks for `/health/live` and is then left
    /// open. The timer counts silence in both directions, so on a machine loaded enough to keep the answer back for
    /// the whole timeout the server rightly closes before answering. Either way the assertion is the same and does
    /// not depend on the machine's speed: no idle connection stays open.
    @Test("the server closes connections that sit idle, before and after an answered keep-alive request")
    func closesIdleConnections() async throws {
        try await withTestApp(configuring: { $0.idleTimeoutSeconds = 2 }) { t in
            try await t.withLiveServer { server in
                let silent = try await server.connect()
                let asked = try await server.connect(sending: "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                if let response = await asked.readResponse() {
                    #expect(response.status == 200)
                    #expect(response.header("Connection") == "keep-alive")
                }
                // Generous limits: they only turn a server that never closes into a failure instead of a hang.
                #expect(await asked.waitForServerClose(), "the keep-alive connection stayed open")
                #expect(await silent.waitForServerClose(), "the silent connection stayed open")
            }
        }
    }
}
