import Fluent
import Foundation
import Platform
import TestSupport
import Testing

@testable import Trips

/// Services run without a request: a job or a test builds the context from the application.
@Suite("Trips: services called without HTTP")
struct TripServiceContextTests {
    @Test("a trip created through the service with an application context is the trip the route then shows")
    func createWithoutRequest() async throws {
        try await withTestApp { t in
            // setup
            let traveler = try await t.signUp(userType: "traveler")
            let principal = Principal(
                userId: try #require(UUID(uuidString: traveler.id)), userType: .traveler,
                verificationLevel: .emailVerified, sessionId: UUID(), tokenId: "test", expiresAt: .distantFuture)
            let body = try JSONSerialization.data(withJSONObject: t.tripBody())
            let input = try JSONDecoder().decode(TripInput.self, from: body)
            let context = t.app.callContext(principal: principal)

            // act
            let trip = try await TripService(context: context).create(input, by: principal.userId)

            // assert
            let shown = try await t.request(.GET, "/api/v1/trips/\(try trip.requireID())", token: traveler.accessToken)
            #expect(shown.status == .ok)
            #expect(shown.string("data.title") == "London to Paris on the Eurostar")
            let audit = try await AuditLogEntry.query(on: t.app.db).filter(\.$action == "trip_created").first()
            #expect(audit?.actorId == principal.userId)
            #expect(audit?.requestId == nil, "a call the platform makes by itself has no request id")
        }
    }

    @Test("a service refuses a system context where it needs someone acting: 401, not a crash")
    func systemContextHasNoPrincipal() async throws {
        try await withTestApp { t in
            let context = t.app.callContext()
            #expect(throws: APIError.self) { try context.requirePrincipal() }
        }
    }
}
