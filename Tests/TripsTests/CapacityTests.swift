import Foundation
import TestSupport
import Testing

@Suite("Trips: capacity")
struct CapacityTests {
    @Test("status, check, reserve and release")
    func reserveAndRelease() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let id = try await t.createTrip(for: traveler)
            let fits = try await t.request(
                .POST, "/api/v1/trips/\(id)/capacity/check", json: ["weight": 9.5, "volume": 10, "items": 1],
                token: customer.accessToken)
            #expect(fits["data.fits"] as? Bool == true)
            let reserved = try await t.request(
                .POST, "/api/v1/trips/\(id)/capacity/reserve",
                json: ["weight": 7.25, "items": 2, "note": "my own bag"],
                token: traveler.accessToken)
            #expect(reserved.status == .created)
            let reservationId = try #require(reserved.string("data.id"))
            let tooBig = try await t.request(
                .POST, "/api/v1/trips/\(id)/capacity/check", json: ["weight": 3], token: customer.accessToken)
            #expect(tooBig["data.fits"] as? Bool == false)
            #expect((tooBig["data.shortfalls"] as? [String])?.first == "weight: 3.0 kg wanted, 2.75 kg free")
            let refused = try await t.request(
                .POST, "/api/v1/trips/\(id)/capacity/reserve", json: ["weight": 3], token: traveler.accessToken)
            #expect(refused.status == .conflict)
            #expect(refused.code == "INSUFFICIENT_CAPACITY")
            let status = try await t.request(.GET, "/api/v1/trips/\(id)/capacity", token: traveler.accessToken)
            #expect(status["data.reserved.weight"] as? Double == 7.25)
            #expect((status["data.reservations"] as? [Any])?.count == 1)
            let publicView = try await t.request(.GET, "/api/v1/trips/\(id)/capacity", token: customer.accessToken)
            #expect(publicView["data.reservations"] == nil)
            let foreign = try await t.request(
                .POST, "/api/v1/trips/\(id)/capacity/reserve", json: ["weight": 1], token: customer.accessToken)
            #expect(foreign.status == .forbidden)
            let released = try await t.request(
                .POST, "/api/v1/trips/\(id)/capacity/release", json: ["reservationId": reservationId],
                token: traveler.accessToken)
            #expect(released.status == .ok)
            #expect(released.string("data.status") == "released")
            let twice = try await t.request(
                .POST, "/api/v1/trips/\(id)/capacity/release", json: ["reservationId": reservationId],
                token: traveler.accessToken)
            #expect(twice.status == .notFound)
            #expect(twice.code == "RESERVATION_NOT_FOUND")
            let after = try await t.request(.GET, "/api/v1/trips/\(id)/capacity", token: traveler.accessToken)
            #expect(after["data.available.weight"] as? Double == 10)
            let invalid = try await t.request(
                .POST, "/api/v1/trips/\(id)/capacity/reserve", json: ["weight": -1, "items": 0],
                token: traveler.accessToken)
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.errors.contains("items must be between 1 and 50"))
        }
    }

    @Test("many reservations at once never oversell a trip")
    func concurrentReservations() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let id = try await t.createTrip(for: traveler, t.tripBody(weight: 10, items: 50))
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<24 {
                    group.addTask {
                        try await t.request(
                            .POST, "/api/v1/trips/\(id)/capacity/reserve", json: ["weight": 1.5],
                            token: traveler.accessToken
                        ).status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 6)
            #expect(statuses.filter { $0 == 409 }.count == 18)
            let status = try await t.request(.GET, "/api/v1/trips/\(id)/capacity", token: traveler.accessToken)
            #expect(status["data.available.weight"] as? Double == 1)
            #expect((status["data.reservations"] as? [Any])?.count == 6)
        }
    }

    @Test("cancelled and started trips take no reservations")
    func notBookable() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let id = try await t.createTrip(for: traveler)
            try await t.request(.POST, "/api/v1/trips/\(id)/start", token: traveler.accessToken)
            let refused = try await t.request(
                .POST, "/api/v1/trips/\(id)/capacity/reserve", json: ["weight": 1], token: traveler.accessToken)
            #expect(refused.status == .conflict)
            #expect(refused.code == "TRIP_NOT_BOOKABLE")
        }
    }
}
