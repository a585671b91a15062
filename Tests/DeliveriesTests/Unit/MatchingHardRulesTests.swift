import Foundation
import Platform
import Testing

@testable import Deliveries
@testable import Trips

/// One hard rule of matching: how to break it by a hair, and how to meet it exactly at its limit.
enum HardRule: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case originWithinRadius, destinationWithinRadius
    case departsAfterPickupWindowOpens, departsBeforeDeliveryWindowCloses, arrivesBeforeDeliveryWindowCloses
    case roomForWeight, roomForVolume, roomForItems
    case acceptedCategory, declaredValue, fragileItems, perishableItems, heaviestPiece
    case travelerNotExcluded, minimumRating

    var testDescription: String { rawValue }

    /// The scenario with the rule broken by the smallest step that should matter.
    func broken() -> MatchScenario { scenario(atLimit: false) }

    /// The scenario with the rule met exactly at its limit.
    func atLimit() -> MatchScenario { scenario(atLimit: true) }

    private func scenario(atLimit: Bool) -> MatchScenario {
        var s = MatchScenario()
        let a = MatchScenario.a
        let b = MatchScenario.b
        switch self {
        case .originWithinRadius:
            // The origin slides south of the pickup along the route's meridian: the route stays perfect.
            s.moveTrip(from: north(of: a, km: atLimit ? -49.9 : -50.1), to: b)
        case .destinationWithinRadius:
            s.moveTrip(from: a, to: north(of: b, km: atLimit ? 49.9 : 50.1))
        case .departsAfterPickupWindowOpens:
            s.trip.departure = s.criteria.pickupWindow.lowerBound.timeIntervalSince1970 - (atLimit ? 0 : 1)
        case .departsBeforeDeliveryWindowCloses:
            // Arrival pinned to the window's end (impossible data) so that only the departure rule can refuse it.
            let close = s.criteria.deliveryWindow.upperBound.timeIntervalSince1970
            s.trip.arrival = close
            s.trip.departure = close + (atLimit ? 0 : 1)
        case .arrivesBeforeDeliveryWindowCloses:
            s.trip.arrival = s.criteria.deliveryWindow.upperBound.timeIntervalSince1970 + (atLimit ? 0 : 1)
        case .roomForWeight:
            // The request needs 2 kg; 0.4 g short is floating-point slack, 1 g short is not room.
            s.trip.availableWeight = atLimit ? 1.9996 : 1.999
        case .roomForVolume:
            s.trip.availableVolume = atLimit ? 0.9996 : 0.999
        case .roomForItems:
            s.trip.availableItems = atLimit ? 2 : 1
        case .acceptedCategory:
            s.trip.categories = TripIndexEntry.mask(atLimit ? [.electronics] : [.documents, .books])
        case .declaredValue:
            s.trip.maxItemValue = s.criteria.value - (atLimit ? 0 : 1)
        case .fragileItems:
            s.criteria.fragile = true
            s.trip.fragileOk = atLimit
        case .perishableItems:
            s.criteria.perishable = true
            s.trip.perishableOk = atLimit
        case .heaviestPiece:
            s.trip.maxItemWeight = atLimit ? 1 : 0.999
        case .travelerNotExcluded:
            s.criteria.excludedTravelers = [atLimit ? fixedID(901) : MatchScenario.traveler]
        case .minimumRating:
            s.criteria.minRating = 4.5
            s.rating = atLimit ? 4.5 : 4.4
        }
        return s
    }
}

@Suite("Unit: matching hard rules")
struct MatchingHardRulesUnitTests {
    @Test("the untouched scenario matches, so every exclusion below comes from the one rule it breaks")
    func baselineMatches() throws {
        let matches = MatchScenario().matches()
        #expect(matches.map(\.trip.id) == [fixedID(1)])
        #expect(try #require(matches.first).score > 0.9)
    }

    @Test("a trip that breaks one hard rule by a hair is not offered", arguments: HardRule.allCases)
    func brokenRuleExcludes(rule: HardRule) {
        #expect(rule.broken().matches().isEmpty)
    }

    @Test("a trip that meets a hard rule exactly at its limit is still offered", arguments: HardRule.allCases)
    func ruleAtLimitAdmits(rule: HardRule) {
        #expect(rule.atLimit().matches().map(\.trip.id) == [fixedID(1)])
    }

    @Test("a traveler nobody has rated is left out once the request asks for a minimum rating")
    func unratedFailsMinimumRating() {
        var scenario = MatchScenario()
        scenario.criteria.minRating = 1
        #expect(scenario.matches().isEmpty)
        scenario.criteria.minRating = nil
        #expect(scenario.matches().count == 1)
    }

    @Test("a declared-value limit in another currency than the request's does not apply")
    func valueLimitInOtherCurrency() throws {
        var scenario = MatchScenario()
        scenario.trip.currency = "USD"
        scenario.trip.maxItemValue = 1
        let match = try #require(scenario.matches().first)
        // Prices in two currencies do not compare: the price part scores 0.
        #expect(match.breakdown.priceCompetitiveness == 0)
    }

    @Test("trips that refuse fragile or perishable goods still take ordinary items")
    func restrictionsOnlyBindTheirItems() {
        var scenario = MatchScenario()
        scenario.trip.fragileOk = false
        scenario.trip.perishableOk = false
        #expect(scenario.matches().count == 1)
    }

    @Test("a radius of 200 km reaches a trip 150 km from the pickup that 50 km does not")
    func radiusIsTheRequestsChoice() {
        var scenario = MatchScenario()
        scenario.moveTrip(from: north(of: MatchScenario.a, km: -150), to: MatchScenario.b)
        #expect(scenario.matches().isEmpty)
        scenario.criteria.radiusKm = 200
        #expect(scenario.matches().count == 1)
    }
}
