import Foundation
import Platform
import Testing

@testable import Deliveries
@testable import Trips

@Suite("Unit: matching score")
struct MatchingScoreUnitTests {
    static let a = MatchScenario.a
    static let b = MatchScenario.b

    /// Request ends (pickup, drop-off) against the trip A → B.
    static let routes: [(GeoPoint, GeoPoint)] = [
        (a, b),
        (GeoPoint(lat: 45.1, lng: 10.15), GeoPoint(lat: 45.9, lng: 9.9)),
        (GeoPoint(lat: 45, lng: 10.2), GeoPoint(lat: 46, lng: 10.2)),
        (GeoPoint(lat: 45.3, lng: 10), GeoPoint(lat: 45.6, lng: 10.1)),
    ]

    @Test("route efficiency is 1 − detour / d(A,B), detour = d(A,P) + d(P,D) + d(D,B) − d(A,B)", arguments: routes)
    func routeEfficiency(pickup: GeoPoint, delivery: GeoPoint) throws {
        var scenario = MatchScenario()
        scenario.criteria.pickup = pickup
        scenario.criteria.delivery = delivery
        let direct = haversineKm(Self.a, Self.b)
        let detour =
            haversineKm(Self.a, pickup) + haversineKm(pickup, delivery) + haversineKm(delivery, Self.b) - direct
        let match = try #require(scenario.matches().first)
        #expect(abs(match.detourKm - detour) < 0.01)
        #expect(abs(match.breakdown.routeEfficiency - (1 - detour / direct)) < 0.000_1)
    }

    /// (departs, arrives, delivery window opens) in hours after the start; the pickup window is 0–4 h.
    static let times: [(Double, Double, Double, Double)] = [
        (1, 8, 6, 1),  // leaves in the pickup window, arrives in the delivery window
        (16, 20, 6, 0.875),  // leaves 12 h late: (1 − 12/48 + 1) / 2
        (52, 60, 6, 0.5),  // leaves 48 h late: the pickup half is 0
        (100, 110, 6, 0.5),  // later still: the pickup half stays 0, never negative
        (1, 8, 32, 0.75),  // arrives 24 h before the delivery window opens: (1 + 1 − 24/48) / 2
        (28, 32, 56, 0.5),  // 24 h late and 24 h early: (0.5 + 0.5) / 2
    ]

    @Test("time is 1 inside the windows and falls linearly to 0 over 48 hours of holding the item", arguments: times)
    func timeCompatibility(departs: Double, arrives: Double, deliveryOpens: Double, expected: Double) throws {
        var scenario = MatchScenario()
        scenario.trip.departure = MatchScenario.at(departs).timeIntervalSince1970
        scenario.trip.arrival = MatchScenario.at(arrives).timeIntervalSince1970
        scenario.criteria.deliveryWindow = MatchScenario.at(deliveryOpens)...MatchScenario.at(200)
        let match = try #require(scenario.matches().first)
        #expect(abs(match.breakdown.timeCompatibility - expected) < 1e-9)
    }

    @Test(
        "the rating part is average / 5, and 0.6 for a traveler nobody has rated",
        arguments: [(5.0, 1.0), (4.0, 0.8), (2.5, 0.5), (0, 0), (nil, 0.6)] as [(Double?, Double)])
    func ratingScore(average: Double?, expected: Double) throws {
        var scenario = MatchScenario()
        scenario.rating = average
        let match = try #require(scenario.matches().first)
        #expect(abs(match.breakdown.travelerRating - expected) < 1e-9)
    }

    @Test(
        "the list price is base + per kg × weight + per km × d(P,D), × express and × fragile multipliers",
        arguments: [Urgency.standard, .express, .urgent], [false, true])
    func listPrice(urgency: Urgency, fragile: Bool) throws {
        var scenario = MatchScenario()
        scenario.criteria.urgency = urgency
        scenario.criteria.fragile = fragile
        // 10 EUR + 2 EUR/kg × 2 kg + 0.10 EUR/km × 111.2 km; express 1.5 (urgent too), fragile 1.25.
        var expected = 1_000 + 200 * 2 + 10 * haversineKm(Self.a, Self.b)
        if urgency != .standard { expected *= 1.5 }
        if fragile { expected *= 1.25 }
        let match = try #require(scenario.matches().first)
        #expect(match.price == Int64(expected.rounded()))
        #expect(abs(match.breakdown.priceCompetitiveness - (1 - expected.rounded() / 5_000)) < 1e-9)
    }

    @Test("the price part is 0 in another currency, with no maximum, or when the price is over the maximum")
    func priceScoreFloors() throws {
        var otherCurrency = MatchScenario()
        otherCurrency.trip.currency = "GBP"
        var noMaximum = MatchScenario()
        noMaximum.criteria.maxPrice = 0
        var overMaximum = MatchScenario()
        overMaximum.criteria.maxPrice = 1_000  // the list price is 25.12 EUR
        for scenario in [otherCurrency, noMaximum, overMaximum] {
            let match = try #require(scenario.matches().first)
            #expect(match.breakdown.priceCompetitiveness == 0)
        }
    }

    @Test("the score weighs route 0.70, time 0.15, rating 0.10 and price 0.05")
    func weightedTotal() throws {
        var scenario = MatchScenario()
        let pickup = GeoPoint(lat: 45.1, lng: 10.15)
        let delivery = GeoPoint(lat: 45.9, lng: 9.9)
        scenario.criteria.pickup = pickup
        scenario.criteria.delivery = delivery
        scenario.trip.departure = MatchScenario.at(16).timeIntervalSince1970  // 12 h late: time 0.875
        scenario.trip.arrival = MatchScenario.at(20).timeIntervalSince1970
        scenario.rating = 4  // 0.8
        let direct = haversineKm(Self.a, Self.b)
        let requestKm = haversineKm(pickup, delivery)
        let detour = haversineKm(Self.a, pickup) + requestKm + haversineKm(delivery, Self.b) - direct
        let price = (1_000 + 200 * 2 + 10 * requestKm).rounded()
        let expected = 0.70 * (1 - detour / direct) + 0.15 * 0.875 + 0.10 * 0.8 + 0.05 * (1 - price / 5_000)
        let match = try #require(scenario.matches().first)
        #expect(abs(match.score - expected) < 0.000_1)
    }
}
