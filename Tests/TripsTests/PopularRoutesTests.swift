import Foundation
import Platform
import TestSupport
import Testing

@Suite("Trips: popular routes and recommendations")
struct PopularRoutesTests {
    static var madrid: [String: Any] { ["address": "Madrid, Spain", "coordinates": ["lat": 40.4168, "lng": -3.7038]] }
    static var rome: [String: Any] { ["address": "Rome, Italy", "coordinates": ["lat": 41.9028, "lng": 12.4964]] }

    @Test("public trips of the past 90 days are grouped into city pairs, busiest first, open to anyone")
    func popular() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            _ = try await t.createTrip(for: tina)
            // Montmartre lies in another 0.1° cell than central Paris; both are Paris.
            _ = try await t.createTrip(
                for: tina, t.tripBody(to: TestPlaces.montmartre, overrides: ["pricing": ["basePrice": 1700]]))
            _ = try await t.createTrip(for: tom, t.tripBody(overrides: ["pricing": ["basePrice": 2000]]))
            _ = try await t.createTrip(for: tom, t.tripBody(to: TestPlaces.berlin))
            _ = try await t.createTrip(for: tina, t.tripBody(overrides: ["visibility": "private"]))
            let cancelled = try await t.createTrip(for: tom, t.tripBody(to: TestPlaces.berlin))
            _ = try await t.request(
                .POST, "/api/v1/trips/\(cancelled)/cancel", json: ["reason": "No"], token: tom.accessToken)
            // act
            let response = try await t.request(.GET, "/api/v1/trips/analytics/popular-routes")
            // assert
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.list.map { $0["tripCount"] as? Int } == [3, 1])
            let first = try #require(response.list.first)
            #expect((first["origin"] as? [String: Any])?["name"] as? String == "London")
            #expect((first["destination"] as? [String: Any])?["name"] as? String == "Paris")
            #expect((first["destination"] as? [String: Any])?["countryCode"] as? String == "FR")
            #expect(first["upcomingTrips"] as? Int == 3)
            let london = try TripAnalyticsTests.point(TestPlaces.london)
            let distance =
                2 * london.distanceKm(to: try TripAnalyticsTests.point(TestPlaces.paris))
                + london.distanceKm(to: try TripAnalyticsTests.point(TestPlaces.montmartre))
            #expect(first["averageDistanceKm"] as? Double == (distance / 3 * 10).rounded() / 10)
            let pricing = try #require((first["pricing"] as? [[String: Any]])?.first)
            #expect(pricing["trips"] as? Int == 3)
            #expect((pricing["averageBasePrice"] as? [String: Any])?["amount"] as? Int == (1500 + 1700 + 2000) / 3)
            #expect(((response.list.last?["destination"]) as? [String: Any])?["name"] as? String == "Berlin")
            let one = try await t.request(.GET, "/api/v1/trips/analytics/popular-routes?limit=1")
            #expect(one.list.count == 1)
            let bad = try await t.request(.GET, "/api/v1/trips/analytics/popular-routes?limit=0")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errors == ["limit must be between 1 and 50"])
            // 93 days on, those departures (two days after creation) have left the 90-day window.
            t.clock.advance(by: 93 * 24 * 3600)
            let later = try await t.request(.GET, "/api/v1/trips/analytics/popular-routes")
            #expect(later.list.isEmpty)
        }
    }

    @Test("recommendations: the traveler's own routes with market prices, then busy routes through their cities")
    func recommendations() async throws {
        try await withTestApp { t in
            // setup
            let tina = try await t.signUp(userType: "traveler")
            let tom = try await t.signUp(userType: "traveler")
            _ = try await t.createTrip(for: tina)
            _ = try await t.createTrip(for: tina, t.tripBody(departureInHours: 96))
            _ = try await t.createTrip(for: tom, t.tripBody(overrides: ["pricing": ["basePrice": 2100]]))
            for hours in [48.0, 96] {
                _ = try await t.createTrip(for: tom, t.tripBody(to: TestPlaces.berlin, departureInHours: hours))
            }
            _ = try await t.createTrip(for: tom, t.tripBody(from: Self.madrid, to: Self.rome))
            // act
            let response = try await t.request(.GET, "/api/v1/trips/analytics/recommendations", token: tina.accessToken)
            // assert
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.string("data.currency") == "EUR")
            let items = try #require(response["data.recommendations"] as? [[String: Any]])
            #expect(items.map { $0["kind"] as? String } == ["repeat_route", "popular_near_you"])
            #expect(items.map { ($0["destination"] as? [String: Any])?["name"] as? String } == ["Paris", "Berlin"])
            #expect(items.first?["reason"] as? String == "You travelled this route twice in the past year")
            let pricing = try #require(items.first?["suggestedPricing"] as? [String: Any])
            #expect(pricing["basis"] as? String == "market")
            #expect(pricing["trips"] as? Int == 3)
            #expect((pricing["basePrice"] as? [String: Any])?["amount"] as? Int == (1500 + 1500 + 2100) / 3)

            let newcomer = try await t.signUp(userType: "traveler")
            let fresh = try await t.request(
                .GET, "/api/v1/trips/analytics/recommendations", token: newcomer.accessToken)
            let suggested = try #require(fresh["data.recommendations"] as? [[String: Any]])
            #expect(suggested.map { $0["kind"] as? String } == ["popular_route", "popular_route", "popular_route"])
            #expect(
                suggested.map { ($0["origin"] as? [String: Any])?["name"] as? String } == [
                    "London", "London", "Madrid",
                ])
            let carl = try await t.signUp(userType: "customer")
            let customer = try await t.request(.GET, "/api/v1/trips/analytics/recommendations", token: carl.accessToken)
            #expect(customer.status == .forbidden)
        }
    }
}
