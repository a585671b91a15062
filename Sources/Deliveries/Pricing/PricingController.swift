import Foundation
import Payments
import Platform
import Vapor

/// The pricing routes that read the marketplace: quotes, market analysis and price optimisation.
struct PricingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let payments = routes.grouped("payments").grouped(RoleGuard.authenticated)
        payments.post("calculate-price", use: calculate).doc(
            "Quote a delivery under the current pricing factors: total, range, fees and every factor's amount"
                + " (a posted request by requestId, or an item and route inline; ?currency converts)",
            body: PriceCalculationInput.self, also: [404])
        payments.post("optimize-pricing", use: optimize).doc(
            "The price with the best expected earnings and its expected acceptance, learned from decided offers"
                + " on similar routes", body: PriceCalculationInput.self, also: [404])
        payments.get("market-analysis", use: analyse).doc(
            "Supply and demand on a route, and how its offers fared: acceptance, accepted prices, elasticity",
            query: Self.marketQuery)
    }

    static let marketQuery: [String: FieldRule] = [
        "pickupLat": FieldRule.number(-90...90).required, "pickupLng": FieldRule.number(-180...180).required,
        "deliveryLat": FieldRule.number(-90...90).required, "deliveryLng": FieldRule.number(-180...180).required,
        "radiusKm": .number(above: 0, upTo: 200), "days": .integer(1...365),
        "currency": .oneOf(OfflineExchangeRates.table.units.keys.sorted()),
    ]

    @Sendable func calculate(req: Request) async throws -> Envelope<PriceCalculationResponse> {
        let input = try req.content.decode(PriceCalculationInput.self)
        return Envelope(try await PriceCalculator(context: req.callContext).quote(input))
    }

    @Sendable func optimize(req: Request) async throws -> Envelope<PricingOptimizer.Suggestion> {
        let input = try req.content.decode(PriceCalculationInput.self)
        return Envelope(try await PricingOptimizer(context: req.callContext).optimize(input))
    }

    @Sendable func analyse(req: Request) async throws -> Envelope<MarketAnalysis.Report> {
        Envelope(try await MarketAnalysis(context: req.callContext).report(try Self.marketParameters(req)))
    }

    /// The query as the analysis's parameters; every broken rule is reported at once.
    static func marketParameters(_ req: Request) throws -> MarketAnalysis.Parameters {
        func number(_ name: String) -> Double? { (try? req.query.get(Double?.self, at: name)) ?? nil }
        var check = RuleCheck()
        let values = ["pickupLat", "pickupLng", "deliveryLat", "deliveryLng"].map(number)
        for (index, name) in ["pickupLat", "pickupLng", "deliveryLat", "deliveryLng"].enumerated() {
            let limit = name.hasSuffix("Lat") ? 90.0 : 180.0
            check.require(
                values[index].map { (-limit...limit).contains($0) } == true,
                "\(name) must be a number from \(Int(-limit)) to \(Int(limit))")
        }
        let radiusText = try? req.query.get(String?.self, at: "radiusKm")
        let radius = number("radiusKm")
        check.require(
            (radiusText ?? nil) == nil || radius.map { $0 > 0 && $0 <= 200 } == true,
            "radiusKm must be more than 0 and at most 200")
        let daysText = try? req.query.get(String?.self, at: "days")
        let days = (try? req.query.get(Int?.self, at: "days")) ?? nil
        check.require(
            (daysText ?? nil) == nil || days.map { (1...365).contains($0) } == true,
            "days must be a whole number 1 to 365")
        let code = (try? req.query.get(String?.self, at: "currency")) ?? nil
        check.require(
            code.map { OfflineExchangeRates.table.units[$0] != nil } ?? true,
            "currency must be an ISO 4217 code the platform knows")
        try check.throwIfBroken()
        guard let pickupLat = values[0], let pickupLng = values[1], let deliveryLat = values[2],
            let deliveryLng = values[3]
        else { throw APIError.validation(check.problems) }
        return MarketAnalysis.Parameters(
            pickup: GeoPoint(lat: pickupLat, lng: pickupLng), delivery: GeoPoint(lat: deliveryLat, lng: deliveryLng),
            radiusKm: radius ?? PriceCalculator.routeRadiusKm, currency: Currency(code: code ?? "EUR") ?? .eur,
            days: days ?? 90)
    }
}
