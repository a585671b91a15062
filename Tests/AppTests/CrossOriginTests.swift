import Foundation
import TestSupport
import Testing
import Vapor

@Suite("HTTP edge: CORS")
struct CrossOriginTests {
    static let app = "https://app.example.com"
    static let preflight = [
        "Origin": app, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type, idempotency-key, x-request-id",
    ]

    @Test("a preflight from an allowed origin answers 204 with the allow headers")
    func preflightAllowed() async throws {
        try await withTestApp(configuring: { $0.corsOrigins = [Self.app] }) { t in
            let response = try await t.request(.OPTIONS, "/api/v1/offers/\(UUID())/accept", headers: Self.preflight)
            #expect(response.status == .noContent)
            #expect(response.headers.first(name: "Access-Control-Allow-Origin") == Self.app)
            let methods = response.headers.first(name: "Access-Control-Allow-Methods") ?? ""
            for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] { #expect(methods.contains(method)) }
            let allowed = (response.headers.first(name: "Access-Control-Allow-Headers") ?? "").lowercased()
            for header in ["authorization", "content-type", "idempotency-key", "x-request-id"] {
                #expect(allowed.contains(header), "\(header)")
            }
            #expect(response.headers.first(name: "Access-Control-Max-Age") == "600")
            #expect(response.headers[.vary].joined(separator: ",").contains("Origin"))
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
        }
    }

    @Test("other origins get no CORS headers, on preflights or otherwise")
    func otherOrigin() async throws {
        try await withTestApp(configuring: { $0.corsOrigins = [Self.app] }) { t in
            var headers = Self.preflight
            headers["Origin"] = "https://evil.example"
            let preflight = try await t.request(.OPTIONS, "/api/v1/auth/login", headers: headers)
            let simple = try await t.request(.GET, "/health", headers: ["Origin": "https://evil.example"])
            for response in [preflight, simple] {
                #expect(response.headers.first(name: "Access-Control-Allow-Origin") == nil)
                #expect(response.headers.first(name: "Access-Control-Allow-Methods") == nil)
                #expect(response.headers.first(name: "Access-Control-Expose-Headers") == nil)
            }
            #expect(preflight.status != .noContent)
        }
    }

    @Test("answers and errors to an allowed origin carry Allow-Origin and expose X-Request-Id and Retry-After")
    func simpleAndErrors() async throws {
        try await withTestApp(configuring: { $0.corsOrigins = [Self.app, "http://localhost:3000"] }) { t in
            let origin = ["Origin": Self.app]
            let ok = try await t.request(.GET, "/health", headers: origin)
            let unauthorized = try await t.request(.GET, "/api/v1/users/me", headers: origin)
            let notFound = try await t.request(.GET, "/api/v1/nothing-here", headers: origin)
            #expect(unauthorized.status == .unauthorized)
            #expect(notFound.status == .notFound)
            for response in [ok, unauthorized, notFound] {
                #expect(response.headers.first(name: "Access-Control-Allow-Origin") == Self.app)
                let exposed = response.headers.first(name: "Access-Control-Expose-Headers") ?? ""
                #expect(exposed.contains("X-Request-Id") && exposed.contains("Retry-After"))
                #expect(response.headers[.vary].joined(separator: ",").contains("Origin"))
            }
            let local = try await t.request(.GET, "/health", headers: ["Origin": "http://localhost:3000"])
            #expect(local.headers.first(name: "Access-Control-Allow-Origin") == "http://localhost:3000")
        }
    }

    @Test("without P2P_CORS_ORIGINS nobody is allowed")
    func noneByDefault() async throws {
        try await withTestApp { t in
            let preflight = try await t.request(.OPTIONS, "/api/v1/auth/login", headers: Self.preflight)
            #expect(preflight.headers.first(name: "Access-Control-Allow-Origin") == nil)
            let simple = try await t.request(.GET, "/health", headers: ["Origin": Self.app])
            #expect(simple.headers.first(name: "Access-Control-Allow-Origin") == nil)
        }
    }
}
