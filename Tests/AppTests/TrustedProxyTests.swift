import Auth
import Fluent
import Foundation
import Platform
import TestSupport
import Testing

@Suite("HTTP edge: trusted proxies and the client address")
struct TrustedProxyTests {
    @Test("once one address is rate limited, a new X-Forwarded-For per attempt does not reset the limit")
    func forwardedForCannotDodgeRateLimit() async throws {
        try await withTestApp { t in
            try await t.withLiveServer { server in
                for index in 0..<30 {
                    let response = try await server.request(
                        .POST, "/api/v1/auth/login", json: ["email": "probe\(index)@example.com", "password": "x"])
                    #expect(response.status == .unauthorized)
                }
                for index in 0..<5 {
                    let response = try await server.request(
                        .POST, "/api/v1/auth/login", json: ["email": "other\(index)@example.com", "password": "x"],
                        headers: ["X-Forwarded-For": "198.51.100.\(index + 1)"])
                    #expect(response.status == .tooManyRequests)
                    #expect(response.code == "RATE_LIMITED")
                }
            }
        }
    }

    @Test("an untrusted peer's X-Forwarded-For is ignored: the session and audit log hold the socket address")
    func untrustedPeer() async throws {
        try await withTestApp { t in
            let account = try await t.signUp("peer@example.com")
            try await t.withLiveServer { server in
                let ip = try await loginAddresses(account, on: server, app: t)
                #expect(ip.session == "127.0.0.1")
                #expect(ip.audit == "127.0.0.1")
            }
        }
    }

    @Test("a trusted peer's X-Forwarded-For names the client in the session and the audit log")
    func trustedPeer() async throws {
        try await withTestApp(configuring: { $0.trustedProxies = ["127.0.0.1"] }) { t in
            let account = try await t.signUp("proxied@example.com")
            try await t.withLiveServer { server in
                let ip = try await loginAddresses(account, on: server, app: t)
                #expect(ip.session == "6.6.6.6")
                #expect(ip.audit == "6.6.6.6")
            }
        }
    }

    /// Signs in over the socket claiming to be 6.6.6.6 and reads back the addresses stored for the sign-in.
    private func loginAddresses(
        _ account: TestAccount, on server: LiveServer, app t: TestApp
    ) async throws -> (session: String?, audit: String?) {
        let login = try await server.request(
            .POST, "/api/v1/auth/login", json: ["email": account.email, "password": account.password],
            headers: ["X-Forwarded-For": "6.6.6.6"])
        #expect(login.status == .ok, "\(login.text)")
        let sessionId = try #require(login.string("data.sessionId").flatMap(UUID.init(uuidString:)))
        let session = try await UserSession.find(sessionId, on: t.app.db)
        let audit = try await AuditLogEntry.query(on: t.app.db)
            .filter(\.$action == "login").filter(\.$entityId == sessionId.uuidString).first()
        return (session?.ipAddress, audit?.ipAddress)
    }

    @Test("the walk from the right skips trusted hops and stops at the first address that is not one")
    func walk() throws {
        let proxies = try TrustedProxies(["10.0.0.0/8", "2001:db8::/32", "192.0.2.7"])
        func client(_ peer: String, _ forwarded: [String]) -> String? {
            proxies.client(peer: IPAddress(peer), forwardedFor: forwarded)?.description
        }
        #expect(client("203.0.113.9", ["6.6.6.6"]) == "203.0.113.9")
        #expect(client("10.0.0.1", ["6.6.6.6"]) == "6.6.6.6")
        #expect(client("10.0.0.1", ["1.1.1.1, 6.6.6.6, 10.9.9.9"]) == "6.6.6.6")
        #expect(client("10.0.0.1", ["1.1.1.1", "6.6.6.6,192.0.2.7"]) == "6.6.6.6")
        #expect(client("::ffff:10.0.0.1", ["6.6.6.6"]) == "6.6.6.6")
        #expect(client("2001:db8::5", ["[2001:db8::9]:443, 2a00:1450::1"]) == "2a00:1450::1")
        #expect(client("10.0.0.1", ["10.0.0.2, 10.0.0.3"]) == "10.0.0.2")
        #expect(client("10.0.0.1", ["6.6.6.6, not-an-address, 10.0.0.2"]) == "10.0.0.2")
        #expect(client("10.0.0.1", []) == "10.0.0.1")
        #expect(proxies.client(peer: nil, forwardedFor: ["6.6.6.6"]) == nil)
        #expect(throws: InvalidSetting.self) { try TrustedProxies(["10.0.0.0/33"]) }
        #expect(throws: InvalidSetting.self) { try TrustedProxies(["proxy.internal"]) }
    }
}
