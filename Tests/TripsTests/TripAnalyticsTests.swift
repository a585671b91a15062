import Foundation
import Platform
import TestSupport
import Testing

@Suite("Trips: a traveler's analytics")
struct TripAnalyticsTests {
    static func point(_ place: [String: Any]) throws -> GeoPoint {
        let coordinates = try #require(place["coordinates"] as? [String: Double])
        return GeoPoint(lat: try #require(coordinates["lat"]), lng: try #require(coordinates["lng"]))
    }

    static func km(_ from: [String: Any], _ to: [String: Any]) throws -> Double {
        try point(from).distanceKm(to: try point(to))
    }

    @Test("the overview counts trips by status and sums distance and capacity over trips that happen")
    func overview() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let paris = try await t.createTrip(for: tina)
            let berlin = try await t.createTrip(for: tina, t.tripBody(to: TestPlaces.berlin, departureInHours: 24))
            let cancelled = try await t.createTrip(for: tina, t.tripBody(departureInHours: 72))
            let done = try await t.createTrip(for: tina, t.tripBody(from: TestPlaces.paris, to: TestPlaces.berlin))
            let reserve = try await t.request(
                .POST, "/api/v1/trips/\(berlin)/capacity/reserve", json: ["weight": 4, "volume": 10, "items": 2],
                token: tina.accessToken)
            #expect(reserve.status == .created)
            _ = try await t.request(
                .POST, "/api/v1/trips/\(cancelled)/cancel", json: ["reason": "Ill"], token: tina.accessToken)
            _ = try await t.request(.POST, "/api/v1/trips/\(done)/start", token: tina.accessToken)
            let completed = try await t.request(.POST, "/api/v1/trips/\(done)/complete", token: tina.accessToken)
            #expect(completed.status == .ok)
            let tom = try await t.signUp(userType: "traveler")
            _ = try await t.createTrip(for: tom)
            // act
            let response = try await t.request(.GET, "/api/v1/trips/analytics", token: tina.accessToken)
            // assert
            #expect(response.status == .ok, "\(response.text)")
            #expect(response["data.totalTrips"] as? Int == 4)
            #expect(
                response["data.byStatus"] as? [String: Int] == [
                    "upcoming": 2, "active": 0, "completed": 1, "cancelled": 1,
                ])
            let londonParis = try Self.km(TestPlaces.london, TestPlaces.paris)
            let londonBerlin = try Self.km(TestPlaces.london, TestPlaces.berlin)
            let parisBerlin = try Self.km(TestPlaces.paris, TestPlaces.berlin)
            let total = ((londonParis + londonBerlin + parisBerlin) * 10).rounded() / 10
            #expect(response["data.totalDistanceKm"] as? Double == total)
            #expect(response["data.completedDistanceKm"] as? Double == (parisBerlin * 10).rounded() / 10)
            #expect(response["data.capacity.offered.weight"] as? Double == 30)
            #expect(response["data.capacity.reserved.weight"] as? Double == 4)
            #expect(response["data.capacity.reserved.items"] as? Int == 2)
            #expect(response["data.capacity.utilization.weight"] as? Double == ((4.0 / 30) * 1000).rounded() / 1000)
            #expect(response["data.capacity.utilization.items"] as? Double == ((2.0 / 15) * 1000).rounded() / 1000)
            let upcoming = try #require(response["data.upcoming"] as? [[String: Any]])
            #expect(upcoming.map { $0["id"] as? String } == [berlin, paris])
            #expect(response.string("data.nextDeparture") == t.isoTime(inHours: 24))
            let carl = try await t.signUp(userType: "customer")
            let customer = try await t.request(.GET, "/api/v1/trips/analytics", token: carl.accessToken)
            #expect(customer.status == .forbidden)
        }
    }

    @Test("statistics cover trips departing in the period, with types and reservations")
    func statistics() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let soon = try await t.createTrip(for: tina)
            _ = try await t.createTrip(for: tina, t.tripBody(to: TestPlaces.berlin, overrides: ["tripType": "car"]))
            _ = try await t.createTrip(for: tina, t.tripBody(departureInHours: 24 * 10))
            for weight in [2, 3] {
                _ = try await t.request(
                    .POST, "/api/v1/trips/\(soon)/capacity/reserve", json: ["weight": weight], token: tina.accessToken)
            }
            let held = try await t.request(.GET, "/api/v1/trips/\(soon)/capacity", token: tina.accessToken)
            let reservations = try #require(held["data.reservations"] as? [[String: Any]])
            let twoKilos = reservations.first { ($0["amount"] as? [String: Any])?["weight"] as? Double == 2 }
            let reservationId = try #require(twoKilos?["id"] as? String)
            _ = try await t.request(
                .POST, "/api/v1/trips/\(soon)/capacity/release", json: ["reservationId": reservationId],
                token: tina.accessToken)
            let from = t.isoTime(inHours: 0)
            let to = t.isoTime(inHours: 24 * 5)
            // act
            let response = try await t.request(
                .GET, "/api/v1/trips/analytics/statistics?from=\(from)&to=\(to)", token: tina.accessToken)
            let byDefault = try await t.request(.GET, "/api/v1/trips/analytics/statistics", token: tina.accessToken)
            // assert
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.string("data.period.from") == from)
            #expect(response["data.totalTrips"] as? Int == 2)
            #expect(response["data.byTripType"] as? [String: Int] == ["train": 1, "car": 1])
            #expect(response["data.reservations.held"] as? Int == 1)
            #expect(response["data.reservations.released"] as? Int == 1)
            #expect(response["data.averageDurationMinutes"] as? Int == 180)
            let distance =
                try Self.km(TestPlaces.london, TestPlaces.paris) + Self.km(TestPlaces.london, TestPlaces.berlin)
            #expect(
                response["data.averageDistanceKm"] as? Double == ((distance * 10).rounded() / 10 / 2 * 10).rounded()
                    / 10)
            #expect(response["data.capacity.reserved.weight"] as? Double == 3)
            // The default period is the 30 days before now: these trips are all ahead.
            #expect(byDefault["data.totalTrips"] as? Int == 0)
            #expect(byDefault.string("data.period.to") == t.isoTime(inHours: 0))
            #expect(byDefault.string("data.period.from") == t.isoTime(inHours: -24 * 30))
        }
    }

    @Test("statistics refuse periods that are backwards, too long or unreadable")
    func statisticsValidation() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            func errors(_ query: String) async throws -> [String] {
                let response = try await t.request(
                    .GET, "/api/v1/trips/analytics/statistics?\(query)", token: tina.accessToken)
                #expect(response.status == .unprocessableEntity)
                #expect(response.code == "VALIDATION_ERROR")
                return response.errors
            }
            #expect(try await errors("from=2026-11-20&to=2026-11-01") == ["from must be before to"])
            #expect(try await errors("from=2024-01-01&to=2026-01-01") == ["the period may span at most 366 days"])
            #expect(
                try await errors("from=yesterday&to=2026-13-01") == [
                    "to must be a date (2026-11-01) or an ISO-8601 timestamp",
                    "from must be a date (2026-11-01) or an ISO-8601 timestamp",
                ])
        }
    }

    @Test("a trip's performance: utilization, reservations and revenue at its own prices")
    func performance() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: tina)
            _ = try await t.request(
                .POST, "/api/v1/trips/\(tripId)/capacity/reserve", json: ["weight": 4, "items": 2],
                token: tina.accessToken)
            // act
            let response = try await t.request(
                .GET, "/api/v1/trips/analytics/\(tripId)/performance", token: tina.accessToken)
            // assert
            #expect(response.status == .ok, "\(response.text)")
            #expect(response["data.capacity.utilization.weight"] as? Double == 0.4)
            #expect(response["data.capacity.utilization.items"] as? Double == 0.4)
            #expect(response["data.reservations.held"] as? Int == 1)
            // The body's prices: base 1500, 200 per kg, 2 per km.
            let km = try #require(response["data.distanceKm"] as? Double)
            let perItem = 1500 + Int((2 * km).rounded())
            #expect(response["data.revenuePotential.reserved.amount"] as? Int == 2 * perItem + 4 * 200)
            #expect(response["data.revenuePotential.remaining.amount"] as? Int == 3 * perItem + 6 * 200)
            #expect(response["data.revenuePotential.fullCapacity.amount"] as? Int == 5 * perItem + 10 * 200)
            #expect(response.string("data.revenuePotential.fullCapacity.currency") == "EUR")
            // others
            let tom = try await t.signUp(userType: "traveler")
            let notYours = try await t.request(
                .GET, "/api/v1/trips/analytics/\(tripId)/performance", token: tom.accessToken)
            #expect(notYours.status == .forbidden)
            #expect(notYours.code == "NOT_TRIP_OWNER")
            let admin = try await t.superAdmin()
            let asAdmin = try await t.request(
                .GET, "/api/v1/trips/analytics/\(tripId)/performance", token: admin.accessToken)
            #expect(asAdmin.status == .ok)
            let missing = try await t.request(
                .GET, "/api/v1/trips/analytics/\(UUID().uuidString)/performance", token: tina.accessToken)
            #expect(missing.code == "TRIP_NOT_FOUND")
        }
    }
}
