import Foundation
import Platform
import Testing

@testable import Deliveries
@testable import Trips

@Suite("Unit: matching threshold, limit and order")
struct MatchingRankingUnitTests {
    /// The score of a request shifted `degrees` east of both ends of the trip A → B, with time 1, an unrated
    /// traveler (0.6) and no maximum price (price 0): 0.70 × route + 0.15 + 0.06.
    static func expectedScore(shiftedEast degrees: Double) -> Double {
        let (a, b) = (MatchScenario.a, MatchScenario.b)
        let pickup = GeoPoint(lat: a.lat, lng: a.lng + degrees)
        let delivery = GeoPoint(lat: b.lat, lng: b.lng + degrees)
        let direct = haversineKm(a, b)
        let detour = haversineKm(a, pickup) + haversineKm(pickup, delivery) + haversineKm(delivery, b) - direct
        return 0.70 * (1 - detour / direct) + 0.15 + 0.06
    }

    static func shifted(east degrees: Double) -> MatchScenario {
        var scenario = MatchScenario()
        scenario.criteria.pickup.lng += degrees
        scenario.criteria.delivery.lng += degrees
        scenario.criteria.maxPrice = 0
        return scenario
    }

    @Test("a trip scoring just over 0.60 is offered and one just under is not")
    func threshold() throws {
        // 0.31° east (24.4 km) scores about 0.606; 0.32° (25.2 km) about 0.596: both within the 50 km radius.
        let above = Self.expectedScore(shiftedEast: 0.31)
        let below = Self.expectedScore(shiftedEast: 0.32)
        #expect(above > 0.60 && above < 0.61)
        #expect(below < 0.60 && below > 0.59)
        let offered = try #require(Self.shifted(east: 0.31).matches().first)
        #expect(abs(offered.score - above) < 0.000_1)
        #expect(Self.shifted(east: 0.32).matches().isEmpty)
    }

    /// Twelve matching trips, trip n leaving 4·(n − 1) hours after the pickup window closes: each later one
    /// holds the item longer and scores lower.
    static func twelveTrips() -> [TripIndexEntry] {
        (1...12).map { n in
            let late = 4 * Double(n - 1)
            return MatchScenario.trip(
                id: n, from: MatchScenario.a, to: MatchScenario.b, departs: 4 + late, arrives: 8 + late,
                traveler: fixedID(100 + n))
        }
    }

    @Test("at most 10 trips come back, best first")
    func topTen() {
        var criteria = MatchScenario().criteria
        criteria.deliveryWindow = MatchScenario.at(6)...MatchScenario.at(100)
        let matches = MatchingEngine().matches(criteria, in: MatchScenario.index(Self.twelveTrips()))
        #expect(matches.map(\.trip.id) == (1...10).map(fixedID))
        #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.score > $1.score })
        let three = MatchingEngine().matches(criteria, in: MatchScenario.index(Self.twelveTrips()), limit: 3)
        #expect(three.map(\.trip.id) == (1...3).map(fixedID))
    }

    /// Trip 1 (traveler 101) leaves on time, scoring 0.91; trip 2 (traveler 102) an hour late, 0.0016 less,
    /// still 0.91 to two decimals; trip 3 (traveler 103) eight hours late, 0.8975, a lower band.
    static func threeTrips() -> [TripIndexEntry] {
        [(1, 1.0), (2, 5.0), (3, 12.0)].map { id, departs in
            MatchScenario.trip(
                id: id, from: MatchScenario.a, to: MatchScenario.b, departs: departs, arrives: departs + 7,
                traveler: fixedID(100 + id))
        }
    }

    static func ranked(preferring travelers: Set<UUID>) -> [Match] {
        var criteria = MatchScenario().criteria
        criteria.maxPrice = 0
        criteria.preferredTravelers = travelers
        return MatchingEngine().matches(criteria, in: MatchScenario.index(Self.threeTrips()))
    }

    @Test("without favourites the order is by score")
    func orderByScore() {
        #expect(Self.ranked(preferring: []).map(\.trip.id) == [fixedID(1), fixedID(2), fixedID(3)])
    }

    @Test("a favourite traveler goes first among scores equal to two decimals")
    func favouriteFirstAmongEquals() {
        let matches = Self.ranked(preferring: [fixedID(102)])
        #expect(matches.map(\.trip.id) == [fixedID(2), fixedID(1), fixedID(3)])
        #expect(matches.map(\.preferred) == [true, false, false])
    }

    @Test("a favourite with a lower score to two decimals stays behind")
    func favouriteDoesNotJumpBands() {
        let matches = Self.ranked(preferring: [fixedID(103)])
        #expect(matches.map(\.trip.id) == [fixedID(1), fixedID(2), fixedID(3)])
        #expect(matches.map(\.preferred) == [false, false, true])
    }

    @Test("equal scores and no favourite: the earlier departure first")
    func equalScoresEarlierFirst() {
        // Two trips leaving inside the pickup window score exactly the same.
        let trips = [(7, 3.0), (8, 2.0)].map { id, departs in
            MatchScenario.trip(
                id: id, from: MatchScenario.a, to: MatchScenario.b, departs: departs, arrives: 9,
                traveler: fixedID(100 + id))
        }
        let matches = MatchingEngine().matches(MatchScenario().criteria, in: MatchScenario.index(trips))
        #expect(matches.map(\.trip.id) == [fixedID(8), fixedID(7)])
        #expect(matches[0].score == matches[1].score)
    }
}
