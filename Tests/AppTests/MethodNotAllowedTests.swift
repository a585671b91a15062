import Foundation
import TestSupport
import Testing

@Suite("HTTP edge: 405, 501 and Allow")
struct MethodNotAllowedTests {
    @Test("a path that exists under other methods answers 405 METHOD_NOT_ALLOWED with Allow")
    func methodNotAllowed() async throws {
        try await withTestApp { t in
            let health = try await t.request(.DELETE, "/health")
            #expect(health.status == .methodNotAllowed)
            #expect(health.code == "METHOD_NOT_ALLOWED")
            #expect(health.headers.first(name: "Allow") == "GET, HEAD")
            #expect(health.json["success"] as? Bool == false)
            #expect(health.json["requestId"] as? String == health.headers.first(name: "X-Request-Id"))

            let login = try await t.request(.GET, "/api/v1/auth/login")
            #expect(login.status == .methodNotAllowed)
            #expect(login.headers.first(name: "Allow") == "POST")

            let session = try await t.request(.GET, "/api/v1/auth/sessions/\(UUID())")
            #expect(session.status == .methodNotAllowed)
            #expect(session.headers.first(name: "Allow") == "DELETE")

            // `/auth/social/link` also fits `DELETE /auth/social/{provider}`; the more specific route decides.
            let link = try await t.request(.GET, "/api/v1/auth/social/link")
            #expect(link.status == .methodNotAllowed)
            #expect(link.headers.first(name: "Allow") == "POST")
            let deleteLink = try await t.request(.DELETE, "/api/v1/auth/social/link")
            #expect(deleteLink.status == .methodNotAllowed)
            #expect(deleteLink.headers.first(name: "Allow") == "POST")
            // `PUT /trips/my-trips` fits `PUT /trips/{tripId}`, but `/trips/my-trips` is the GET-only list.
            let myTrips = try await t.request(.PUT, "/api/v1/trips/my-trips")
            #expect(myTrips.status == .methodNotAllowed)
            #expect(myTrips.headers.first(name: "Allow") == "GET, HEAD")

            let current = try await t.request(.PUT, "/api/v1/auth/sessions/current")
            #expect(current.headers.first(name: "Allow")?.contains("PATCH") == true)
            #expect(current.headers.first(name: "Allow")?.contains("GET") == true)
        }
    }

    @Test(
        "unmatched paths stay 404 ENDPOINT_NOT_FOUND; a standard method no route serves is a 405; extension methods are 501"
    )
    func notFoundAndNotImplemented() async throws {
        try await withTestApp { t in
            let missing = try await t.request(.DELETE, "/api/v1/nothing-here")
            #expect(missing.status == .notFound)
            #expect(missing.code == "ENDPOINT_NOT_FOUND")
            #expect(missing.headers.first(name: "Allow") == nil)

            let trace = try await t.request(.TRACE, "/health")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: "Allow") == "GET, HEAD")
            let traceNowhere = try await t.request(.TRACE, "/api/v1/nothing-here")
            #expect(traceNowhere.status == .notFound)
            let propfind = try await t.request(.RAW(value: "PROPFIND"), "/api/v1/nothing-here")
            #expect(propfind.status == .notImplemented)
        }
    }

    @Test("on a real socket a method the parser knows but no route serves (TRACE) is a 405 in the envelope")
    func unservedMethodOnTheWire() async throws {
        try await withTestApp { t in
            try await t.withLiveServer { server in
                let connection = try await server.connect(sending: "TRACE /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                let response = try #require(await connection.readResponse(), "the server closed without answering")
                #expect(response.status == 405)
                #expect(response.body.contains("METHOD_NOT_ALLOWED"))
                #expect(response.header("Allow") == "GET, HEAD")
                #expect(response.header("X-Content-Type-Options") == "nosniff")
                await connection.close()
            }
        }
    }

    /// NIO's HTTP/1 parser (llhttp) knows a fixed list of methods; `TRACK` is not on it, so the parser fails
    /// before Vapor builds a request, and Vapor 4.122's pipeline closes the connection on parser errors with no
    /// hook for an application to answer first. docs/ARCHITECTURE.md ("The HTTP edge") says what to do at the
    /// proxy. The test records the gap: it starts passing, and so fails as a known issue, once a Vapor release
    /// answers parser errors.
    @Test("a method the HTTP parser does not know (TRACK) is dropped below Vapor: a known gap")
    func unknownMethodOnTheWire() async throws {
        try await withTestApp { t in
            try await t.withLiveServer { server in
                let connection = try await server.connect(sending: "TRACK /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                let response = await connection.readResponse()
                withKnownIssue("Vapor 4.122 closes the connection on HTTP parser errors without an answer") {
                    #expect(response != nil)
                }
                await connection.close()
            }
        }
    }
}
