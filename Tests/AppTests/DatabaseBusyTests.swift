import AsyncKit
import Foundation
import Platform
import TestSupport
import Testing
import Vapor

@Suite("Errors: a saturated database")
struct DatabaseBusyTests {
    @Test("a connection pool that stays busy answers 503 DATABASE_BUSY with Retry-After, not a 500")
    func poolTimeout() async throws {
        try await withTestApp { t in
            t.app.get("test-pool-timeout") { _ -> String in
                throw ConnectionPoolTimeoutError.connectionRequestTimeout
            }.doc("test", auth: false)
            let response = try await t.request(.GET, "/test-pool-timeout")
            #expect(response.status == .serviceUnavailable)
            #expect(response.code == "DATABASE_BUSY")
            #expect(response.headers.first(name: "Retry-After") == "1")
        }
    }
}
