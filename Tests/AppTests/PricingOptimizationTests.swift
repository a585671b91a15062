import Fluent
import Foundation
import Payments
import Platform
import TestSupport
import Testing

@testable import Deliveries

/// Market analysis and price optimisation, learned from decided offers on similar routes. The data set: a
/// request estimated at 38 EUR with ten decided offers, and one accepted offer on another route.
///
///     price   ratio  accepted  declined  expired
///     38.00   1.0    3         1         0
///     41.80   1.1    2         0         0
///     45.60   1.2    1         2         1
///
/// Acceptance per bin is (accepted + 2 × prior) / (offers + 2), prior = 1 − ratio / 2: at 1.0 (3 + 1) / 6 =
/// 0.6667 (earnings 0.667), at 1.1 (2 + 0.9) / 4 = 0.725 (earnings 0.7975), at 1.2 (1 + 0.8) / 6 = 0.3 (0.36);
/// bins without offers keep their prior (0.9 → 0.495, 1.3 → 0.455). The suggestion is 1.1 × 38 = 41.80 EUR.
@Suite("Pricing: market analysis and optimisation")
struct PricingOptimizationTests {
    static let history: [(price: Int64, status: OfferStatus, count: Int)] = [
        (3800, .accepted, 3), (3800, .declined, 1), (4180, .accepted, 2), (4560, .accepted, 1),
        (4560, .declined, 2), (4560, .expired, 1),
    ]

    @Test("the model: bins shrunk towards the prior, the best expected earnings, ties to the lower price")
    func model() throws {
        var samples: [AcceptanceModel.Sample] = []
        for entry in Self.history {
            for _ in 0..<entry.count {
                samples.append(
                    try #require(
                        AcceptanceModel.sample(price: entry.price, estimate: 3800, accepted: entry.status == .accepted))
                )
            }
        }
        let bins = AcceptanceModel.fit(samples)
        #expect(bins.count == 16 && bins.first?.ratioBasisPoints == 5_000 && bins.last?.ratioBasisPoints == 20_000)
        let byRatio = Dictionary(uniqueKeysWithValues: bins.map { ($0.ratioBasisPoints, $0) })
        #expect(abs((byRatio[10_000]?.acceptance ?? 0) - 4.0 / 6) < 1e-9)
        #expect(abs((byRatio[11_000]?.acceptance ?? 0) - 0.725) < 1e-9)
        #expect(abs((byRatio[12_000]?.acceptance ?? 0) - 0.3) < 1e-9)
        #expect(abs((byRatio[9_000]?.acceptance ?? 0) - 0.55) < 1e-9, "no offers: the prior")
        #expect(AcceptanceModel.best(bins)?.ratioBasisPoints == 11_000)
        #expect(AcceptanceModel.best(AcceptanceModel.fit([]))?.ratioBasisPoints == 10_000, "the prior peaks at 1")
        #expect(AcceptanceModel.sample(price: 4179, estimate: 3800, accepted: true)?.ratioBasisPoints == 10_997)
        #expect(AcceptanceModel.sample(price: 100, estimate: 0, accepted: true) == nil)
    }

    /// A customer's request from Camden to Montmartre (estimated 38 EUR), a traveler's trip, the decided offers
    /// of `history` on it, and an accepted offer on a Berlin request that must not count.
    static func seed(_ t: TestApp) async throws -> (customer: TestAccount, requestId: String) {
        let customer = try await t.signUp(userType: "customer")
        let traveler = try await t.signUp(userType: "traveler")
        let tripId = try #require(UUID(uuidString: try await t.createTrip(for: traveler)))
        let requestId = try await t.createRequest(for: customer)
        let elsewhere = try await t.createRequest(for: customer, t.requestBody(from: TestPlaces.berlin))
        func offer(on request: String, price: Int64, status: OfferStatus) async throws {
            let offer = DeliveryOffer()
            offer.$request.id = try #require(UUID(uuidString: request))
            offer.$traveler.id = try #require(UUID(uuidString: traveler.id))
            offer.$trip.id = tripId
            offer.price = price
            offer.currency = "EUR"
            offer.estimatedPickupTime = t.clock.now().addingTimeInterval(40 * 3600)
            offer.estimatedDeliveryTime = t.clock.now().addingTimeInterval(54 * 3600)
            offer.status = status
            offer.guarantees = [:]
            offer.specialServices = [:]
            offer.validUntil = t.clock.now().addingTimeInterval(48 * 3600)
            try await offer.insert(on: t.app.db)
        }
        for entry in history {
            for _ in 0..<entry.count { try await offer(on: requestId, price: entry.price, status: entry.status) }
        }
        try await offer(on: elsewhere, price: 9_000, status: .accepted)
        return (customer, requestId)
    }

    @Test("optimize-pricing suggests 41.80 EUR at 72.5 % from ten offers on the route; with none, the estimate")
    func optimize() async throws {
        try await withTestApp { t in
            let (customer, requestId) = try await Self.seed(t)
            let response = try await t.request(
                .POST, "/api/v1/payments/optimize-pricing", json: ["requestId": requestId], token: customer.accessToken)
            #expect(response.status == .ok, "\(response.text)")
            let suggestion = try PricingEnvelope<PricingOptimizer.Suggestion>.decode(response)
            #expect(suggestion.estimatedPrice == Money(amount: 3800, currency: .eur))
            #expect(suggestion.suggestedPrice == Money(amount: 4180, currency: .eur))
            #expect(suggestion.ratio == 1.1 && suggestion.expectedAcceptance == 0.725)
            #expect(suggestion.acceptanceAtEstimate == 0.6667)
            #expect(suggestion.sampleSize == 10, "the Berlin offer is on another route")
            #expect(suggestion.curve.count == 16)
            #expect(suggestion.curve.first { $0.ratio == 1.2 }.map { ($0.offers, $0.accepted) } ?? (0, 0) == (4, 1))

            let inDollars = try await t.request(
                .POST, "/api/v1/payments/optimize-pricing", json: ["requestId": requestId, "currency": "USD"],
                token: customer.accessToken)
            #expect(inDollars["data.suggestedPrice.amount"] as? Int == 4514, "4180 × 1.08 = 4514.4")

            // Glasgow to Edinburgh: no history, so the prior's best, the estimate itself, at 50 %.
            let fresh = try await t.request(
                .POST, "/api/v1/payments/optimize-pricing",
                json: [
                    "pickup": ["lat": 55.8642, "lng": -4.2518], "delivery": ["lat": 55.9533, "lng": -3.1883],
                    "weight": 1, "value": 0, "category": "documents",
                ], token: customer.accessToken)
            #expect(fresh.status == .ok, "\(fresh.text)")
            let prior = try PricingEnvelope<PricingOptimizer.Suggestion>.decode(fresh)
            #expect(prior.sampleSize == 0 && prior.ratio == 1 && prior.expectedAcceptance == 0.5)
            #expect(prior.suggestedPrice == prior.estimatedPrice)

            #expect(
                try await t.request(.POST, "/api/v1/payments/optimize-pricing", json: ["requestId": requestId]).status
                    == .unauthorized)
            let missing = try await t.request(
                .POST, "/api/v1/payments/optimize-pricing", json: ["weight": 1], token: customer.accessToken)
            #expect(missing.status == .unprocessableEntity && missing.errors.count == 4, "\(missing.errors)")
        }
    }

    @Test("market analysis: supply and demand, decided offers, accepted prices and acceptance by price band")
    func marketAnalysis() async throws {
        try await withTestApp { t in
            let (customer, _) = try await Self.seed(t)
            let query = "pickupLat=51.539&pickupLng=-0.1426&deliveryLat=48.8867&deliveryLng=2.3431"
            let response = try await t.request(
                .GET, "/api/v1/payments/market-analysis?\(query)", token: customer.accessToken)
            #expect(response.status == .ok, "\(response.text)")
            let report = try PricingEnvelope<MarketAnalysis.Report>.decode(response)
            #expect(report.supply.openRequests == 1 && report.supply.upcomingTrips == 1)
            #expect(report.supply.demandRatio == 1)
            #expect(report.offers.decided == 10 && report.offers.accepted == 6)
            #expect(report.offers.declined == 3 && report.offers.expired == 1 && report.offers.acceptanceRate == 0.6)
            #expect(report.acceptedPrices.count == 6)
            #expect(report.acceptedPrices.average?.amount == 4053, "24 320 / 6 = 4053.33")
            #expect(report.acceptedPrices.median?.amount == 3990, "(3800 + 4180) / 2")
            #expect(report.acceptedPrices.min?.amount == 3800 && report.acceptedPrices.max?.amount == 4560)
            #expect(report.elasticity.map(\.ratio) == [1.0, 1.1, 1.2])
            #expect(report.elasticity.map(\.acceptanceRate) == [0.75, 1, 0.25])

            let refused = try await t.request(
                .GET, "/api/v1/payments/market-analysis?pickupLat=91&radiusKm=0&days=400&currency=XYZ",
                token: customer.accessToken)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.errors.count == 7, "\(refused.errors)")
            #expect(
                try await t.request(.GET, "/api/v1/payments/market-analysis?\(query)").status == .unauthorized)
        }
    }
}
