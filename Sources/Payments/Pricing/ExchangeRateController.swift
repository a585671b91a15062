import Foundation
import Platform
import Vapor

/// `GET /payments/exchange-rates?base=EUR`: what one major unit of `base` buys in every currency the table
/// knows, with the table's date and source. Public: rates are nobody's secret.
struct ExchangeRateController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("payments", "exchange-rates", use: rates).doc(
            "Exchange rates from one currency (?base=EUR, the default) to every other, dated", auth: false,
            query: ["base": .oneOf(OfflineExchangeRates.codes)])
    }

    struct RatesView: Content {
        var base: String
        var asOf: String
        var provider: String
        /// Major units of each currency that one major unit of `base` buys, six decimal places.
        var rates: [String: Decimal]
    }

    @Sendable func rates(req: Request) async throws -> Envelope<RatesView> {
        let raw = try req.query.get(String?.self, at: "base") ?? "EUR"
        let provider = req.application.exchangeRates
        let table = try await provider.table()
        guard table.units[raw] != nil, let base = Currency(code: raw) else {
            throw APIError.validation(["base must be one of \(table.units.keys.sorted().joined(separator: ", "))"])
        }
        var rates: [String: Decimal] = [:]
        for code in table.units.keys {
            if let currency = Currency(code: code), let rate = table.rate(from: base, to: currency) {
                rates[code] = rate
            }
        }
        return Envelope(RatesView(base: base.code, asOf: table.asOf, provider: provider.name, rates: rates))
    }
}

extension OfflineExchangeRates {
    /// The currencies of the offline table, for the route's documentation.
    static var codes: [String] { microUnits.keys.sorted() }
}
