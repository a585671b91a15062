import Foundation
import TestSupport
import Testing

@Suite("HTTP edge: security headers")
struct SecurityHeadersTests {
    @Test("every answer says nosniff and no-referrer; answers without their own policy are no-store")
    func everywhere() async throws {
        try await withTestApp { t in
            for response in [
                try await t.request(.GET, "/health"),
                try await t.request(.GET, "/api/v1/nothing-here"),
                try await t.request(.POST, "/api/v1/auth/login", json: ["email": "a@example.com", "password": "x"]),
            ] {
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "no-referrer")
                #expect(response.headers.first(name: "Cache-Control") == "no-store")
                #expect(response.headers.first(name: "Strict-Transport-Security") == nil)
            }
        }
    }

    @Test("a route's own Cache-Control stays, unless the request carried credentials and the policy is shared")
    func cachePolicy() async throws {
        try await withTestApp { t in
            let anonymous = try await t.request(.GET, "/.well-known/jwks.json")
            #expect(anonymous.status == .ok)
            #expect(anonymous.headers.first(name: "Cache-Control") == "public, max-age=300")
            let member = try await t.signUp()
            let credentialed = try await t.request(.GET, "/.well-known/jwks.json", token: member.accessToken)
            #expect(credentialed.status == .ok)
            #expect(credentialed.headers.first(name: "Cache-Control") == "no-store")

            let me = try await t.request(.GET, "/api/v1/users/me", token: member.accessToken)
            #expect(me.status == .ok)
            #expect(me.headers.first(name: "Cache-Control") == "no-store")
        }
    }

    @Test("HSTS only when a trusted proxy says the client used https")
    func strictTransportSecurity() async throws {
        try await withTestApp(configuring: { $0.trustedProxies = ["10.0.0.0/8"] }) { t in
            let https = ["X-Forwarded-Proto": "https"]
            let viaProxy = try await t.request(.GET, "/health", headers: https, peer: "10.1.2.3")
            #expect(viaProxy.headers.first(name: "Strict-Transport-Security") == "max-age=31536000")
            let plainViaProxy = try await t.request(
                .GET, "/health", headers: ["X-Forwarded-Proto": "http"], peer: "10.1.2.3")
            #expect(plainViaProxy.headers.first(name: "Strict-Transport-Security") == nil)
            let claimed = try await t.request(.GET, "/health", headers: https, peer: "203.0.113.5")
            #expect(claimed.headers.first(name: "Strict-Transport-Security") == nil)
            let inMemory = try await t.request(.GET, "/health", headers: https)
            #expect(inMemory.headers.first(name: "Strict-Transport-Security") == nil)
        }
    }
}
