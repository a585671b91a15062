import Foundation
import Payments
import Platform
import Vapor

/// `POST /payments/optimize-pricing`: the price with the best expected earnings for an item on its route,
/// learned from the offers accepted, declined and expired on similar routes (`AcceptanceModel`).
///
/// Ratios are taken against each past request's stored estimate, and the suggestion is a ratio of this item's
/// estimate under the same rules (item and route only), so the calendar or the market of today does not
/// distort a comparison with offers made under other ones.
struct PricingOptimizer {
    let context: CallContext

    /// How far back offers count.
    static let lookback: TimeInterval = 365 * 24 * 3600

    struct CurvePoint: Content, Sendable {
        var ratio: Double
        var price: Money
        var offers: Int
        var accepted: Int
        var acceptance: Double
    }

    struct Model: Content, Sendable {
        var kind: String
        var binWidth: Double
        var priorWeight: Double
        var prior: String
    }

    struct Suggestion: Content, Sendable {
        var requestId: UUID?
        var currency: String
        /// The engine's estimate for the item and route, the base of every ratio.
        var estimatedPrice: Money
        var suggestedPrice: Money
        var ratio: Double
        /// 0…1, four decimals.
        var expectedAcceptance: Double
        var acceptanceAtEstimate: Double
        /// Decided offers on similar routes the model learned from.
        var sampleSize: Int
        var radiusKm: Double
        var model: Model
        var curve: [CurvePoint]
    }

    func optimize(_ input: PriceCalculationInput) async throws -> Suggestion {
        let gathered = try await PriceCalculator(context: context).gather(input)
        let facts = gathered.facts.itemAndRoute
        let factors = try await context.pricingFactors()
        let estimate = PriceEngine.deliveryPrice(facts, factors: factors, at: context.now).recommended
        let market = RouteMarket(
            context: context, pickup: gathered.pickup, delivery: gathered.delivery,
            radiusKm: PriceCalculator.routeRadiusKm)
        let offers = try await market.decidedOffers(
            in: facts.currency, since: context.now.addingTimeInterval(-Self.lookback))
        let samples = offers.compactMap {
            AcceptanceModel.sample(price: $0.price, estimate: $0.estimatedPrice, accepted: $0.accepted)
        }
        let bins = AcceptanceModel.fit(samples)
        guard let best = AcceptanceModel.best(bins),
            let atEstimate = bins.first(where: { $0.ratioBasisPoints == 10_000 })
        else { throw APIError.validation(["no price to suggest"]) }
        let target = Currency(code: input.currency ?? facts.currency.code) ?? facts.currency
        let table = factors.rates
        func money(_ amount: Int64) throws -> Money {
            guard let converted = table.convert(amount, from: facts.currency, to: target) else {
                throw PricingError.noExchangeRate(from: facts.currency.code, to: target.code)
            }
            return Money(amount: converted.amount, currency: target)
        }
        return Suggestion(
            requestId: try gathered.request?.requireID(), currency: target.code, estimatedPrice: try money(estimate),
            suggestedPrice: try money(PricingMath.share(estimate, best.ratioBasisPoints)), ratio: best.ratio,
            expectedAcceptance: Self.rounded(best.acceptance),
            acceptanceAtEstimate: Self.rounded(atEstimate.acceptance),
            sampleSize: samples.count, radiusKm: PriceCalculator.routeRadiusKm,
            model: Model(
                kind: "binned, shrunk towards a prior", binWidth: 0.1, priorWeight: AcceptanceModel.priorWeight,
                prior: "1 - ratio / 2, within 0.02...0.98"),
            curve: try bins.map { bin in
                CurvePoint(
                    ratio: bin.ratio, price: try money(PricingMath.share(estimate, bin.ratioBasisPoints)),
                    offers: bin.offers, accepted: bin.accepted, acceptance: Self.rounded(bin.acceptance))
            })
    }

    static func rounded(_ probability: Double) -> Double {
        (probability * 10_000).rounded() / 10_000
    }
}
