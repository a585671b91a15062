import Foundation
import Payments
import Platform
import Vapor

/// `GET /payments/market-analysis`: supply and demand on a route now, and how its offers fared over a period:
/// decided offers, the prices accepted, and acceptance by price against the engine's estimate (the observed
/// elasticity, without the optimizer's prior).
struct MarketAnalysis {
    let context: CallContext

    struct Parameters: Sendable {
        var pickup: GeoPoint
        var delivery: GeoPoint
        var radiusKm: Double
        var currency: Currency
        var days: Int
    }

    struct Supply: Content, Sendable {
        var openRequests: Int
        var upcomingTrips: Int
        /// Open requests per trip, counting one more request on each side (1 on an empty route).
        var demandRatio: Double
    }

    struct Offers: Content, Sendable {
        var decided: Int
        var accepted: Int
        var declined: Int
        var expired: Int
        /// Accepted among decided, 0…1; nil without decided offers.
        var acceptanceRate: Double?
    }

    struct AcceptedPrices: Content, Sendable {
        var count: Int
        var average: Money?
        var median: Money?
        var min: Money?
        var max: Money?
    }

    struct Band: Content, Sendable {
        /// Price over the request's estimate, the band's centre (±0.05).
        var ratio: Double
        var offers: Int
        var accepted: Int
        var acceptanceRate: Double
    }

    struct Report: Content, Sendable {
        var pickup: GeoPoint
        var delivery: GeoPoint
        var distanceKm: Double
        var radiusKm: Double
        var since: Date
        var days: Int
        var currency: String
        var supply: Supply
        var offers: Offers
        var acceptedPrices: AcceptedPrices
        var elasticity: [Band]
    }

    func report(_ parameters: Parameters) async throws -> Report {
        let market = RouteMarket(
            context: context, pickup: parameters.pickup, delivery: parameters.delivery, radiusKm: parameters.radiusKm)
        let since = context.now.addingTimeInterval(-Double(parameters.days) * 24 * 3600)
        let requests = try await market.openRequests(excluding: nil)
        let trips = try await market.upcomingTrips()
        let offers = try await market.decidedOffers(in: parameters.currency, since: since)
        let accepted = offers.filter(\.accepted).map(\.price).sorted()
        let currency = parameters.currency
        func money(_ amount: Int64?) -> Money? { amount.map { Money(amount: $0, currency: currency) } }
        let average =
            accepted.isEmpty ? nil : PricingMath.divideRoundingHalfUp(accepted.reduce(0, +), by: Int64(accepted.count))
        let median: Int64? =
            accepted.isEmpty
            ? nil
            : accepted.count % 2 == 1
                ? accepted[accepted.count / 2]
                : PricingMath.divideRoundingHalfUp(
                    accepted[accepted.count / 2 - 1] + accepted[accepted.count / 2], by: 2)
        let samples = offers.compactMap {
            AcceptanceModel.sample(price: $0.price, estimate: $0.estimatedPrice, accepted: $0.accepted)
        }
        let bands = AcceptanceModel.fit(samples).filter { $0.offers > 0 }.map { bin in
            Band(
                ratio: bin.ratio, offers: bin.offers, accepted: bin.accepted,
                acceptanceRate: PricingOptimizer.rounded(Double(bin.accepted) / Double(bin.offers)))
        }
        return Report(
            pickup: parameters.pickup, delivery: parameters.delivery,
            distanceKm: (parameters.pickup.distanceKm(to: parameters.delivery) * 10).rounded() / 10,
            radiusKm: parameters.radiusKm, since: since, days: parameters.days, currency: currency.code,
            supply: Supply(
                openRequests: requests, upcomingTrips: trips,
                demandRatio: (RouteMarket.demandRatio(openRequests: requests, trips: trips) * 100).rounded() / 100),
            offers: Offers(
                decided: offers.count, accepted: accepted.count,
                declined: offers.filter { $0.status == .declined }.count,
                expired: offers.filter { $0.status == .expired }.count,
                acceptanceRate: offers.isEmpty
                    ? nil : PricingOptimizer.rounded(Double(accepted.count) / Double(offers.count))),
            acceptedPrices: AcceptedPrices(
                count: accepted.count, average: money(average), median: money(median), min: money(accepted.first),
                max: money(accepted.last)),
            elasticity: bands)
    }
}
