import Fluent
import Foundation
import Platform

/// Routes worth posting for a traveler, with prices, from their own history and the market's busy routes.
///
/// Their most travelled routes of the past year come first (`repeat_route`); then busy public routes of the
/// past 90 days that start or end in a city they travel through (`popular_near_you`); a traveler without
/// history gets the busiest routes (`popular_route`). Prices are the market's averages on the route in the
/// traveler's currency, else the traveler's own averages.
struct TripRecommendations {
    static let historyWindow: TimeInterval = 365 * 24 * 3600
    static let marketWindow: TimeInterval = 90 * 24 * 3600
    static let maxRecommendations = 5

    let routes: PopularRoutes
    let now: Date

    func recommendations(for travelerId: UUID, currency: String) async throws -> TripRecommendationsResponse {
        let own = try await routes.routes(.traveler(travelerId, since: now - Self.historyWindow), limit: 3)
        let market = try await routes.routes(.market(since: now - Self.marketWindow), limit: 50)
        let marketByPair = Dictionary(market.map { ($0.pairKey, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [TripRecommendationsResponse.Recommendation] = []
        for route in own {
            result.append(
                .init(
                    kind: "repeat_route", origin: route.origin, destination: route.destination,
                    reason: "You travelled this route \(Self.times(route.tripCount)) in the past year",
                    suggestedPricing: try Self.pricing(
                        market: marketByPair[route.pairKey], own: route, currency: currency)))
        }
        let ownPairs = Set(own.map(\.pairKey))
        let ownCities = Set(own.flatMap { [$0.origin.key, $0.destination.key] })
        for route in market where result.count < Self.maxRecommendations && !ownPairs.contains(route.pairKey) {
            let near = ownCities.contains(route.origin.key) || ownCities.contains(route.destination.key)
            guard own.isEmpty || near else { continue }
            result.append(
                .init(
                    kind: own.isEmpty ? "popular_route" : "popular_near_you", origin: route.origin,
                    destination: route.destination,
                    reason:
                        "\(route.tripCount) public trip\(route.tripCount == 1 ? "" : "s") on this route in the past 90 days",
                    suggestedPricing: try Self.pricing(market: route, own: nil, currency: currency)))
        }
        return TripRecommendationsResponse(
            currency: currency, recommendations: Array(result.prefix(Self.maxRecommendations)))
    }

    private static func pricing(
        market: PopularRoutes.Route?, own: PopularRoutes.Route?, currency: String
    ) throws
        -> TripRecommendationsResponse.SuggestedPricing?
    {
        if let prices = try market?.pricing(in: currency) {
            return .init(
                basis: "market", trips: prices.trips, basePrice: prices.averageBasePrice,
                pricePerKg: prices.averagePricePerKg)
        }
        if let prices = try own?.pricing(in: currency) {
            return .init(
                basis: "your_trips", trips: prices.trips, basePrice: prices.averageBasePrice,
                pricePerKg: prices.averagePricePerKg)
        }
        return nil
    }

    private static func times(_ count: Int) -> String {
        count == 1 ? "once" : count == 2 ? "twice" : "\(count) times"
    }
}

extension PopularRoutes.Route {
    var pairKey: String { "\(origin.key)→\(destination.key)" }
}
