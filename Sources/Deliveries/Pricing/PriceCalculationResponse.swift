import Foundation
import Payments
import Platform
import Vapor

/// A quote as `POST /payments/calculate-price` answers it: the total and its range, the delivery price, the
/// fees, every factor's line, and the market facts it was priced on. When another currency is asked for, every
/// amount is converted at the provider's dated rate; lines are converted on their running total, so they still
/// add up to the total exactly. Charges are always made in the request's own currency.
struct PriceCalculationResponse: Content, Sendable {
    struct Line: Content, Sendable {
        var factor: String
        var description: String
        var amount: Money
        /// Part of the price already (the commission), not added to the total.
        var included: Bool
    }

    struct Range: Content, Sendable {
        var min: Money
        var max: Money
    }

    struct Fees: Content, Sendable {
        var travelerPrice: Money
        var platformFee: Money
        var processingFee: Money
        var insuranceFee: Money
        var creditsApplied: Money
        var travelerEarnings: Money
    }

    struct Exchange: Content, Sendable {
        var from: String
        var to: String
        var rate: Decimal
        var asOf: String
        var provider: String
    }

    var requestId: UUID?
    var currency: String
    var total: Money
    /// What the customer would pay at the low and high ends of the estimate.
    var range: Range
    var estimatedPrice: PriceEstimate
    /// The price quoted: the traveler's when one was given, else the recommended one.
    var price: Money
    var fees: Fees
    var breakdown: [Line]
    var market: PriceCalculator.MarketFacts
    var exchange: Exchange?

    init(
        _ quote: PriceQuote, market: PriceCalculator.MarketFacts, requestId: UUID?, in target: Currency,
        rates: ExchangeRateTable, provider: String
    ) throws {
        let source = quote.currency
        guard let rate = rates.rate(from: source, to: target) else {
            throw PricingError.noExchangeRate(from: source.code, to: target.code)
        }
        func money(_ amount: Int64) -> Money {
            Money(amount: rates.convert(amount, from: source, to: target)?.amount ?? amount, currency: target)
        }
        /// Converts amounts that add up, on their running total, so the converted ones add up too.
        func converted(_ amounts: [Int64]) -> [Money] {
            var running: Int64 = 0
            var convertedRunning: Int64 = 0
            return amounts.map { amount in
                running += amount
                let next = money(running).amount
                defer { convertedRunning = next }
                return Money(amount: next - convertedRunning, currency: target)
            }
        }
        self.requestId = requestId
        currency = target.code
        total = money(quote.total)
        range = Range(min: money(quote.totalMin), max: money(quote.totalMax))
        estimatedPrice = PriceEstimate(
            min: money(quote.delivery.min), max: money(quote.delivery.max),
            recommended: money(quote.delivery.recommended))
        price = money(quote.price)
        let fees = quote.fees
        let parts = converted([fees.travelerPrice, fees.processingFee, fees.insuranceFee, -fees.creditsApplied])
        let platformFee = money(fees.platformFee)
        self.fees = Fees(
            travelerPrice: parts[0], platformFee: platformFee, processingFee: parts[1], insuranceFee: parts[2],
            creditsApplied: parts[3].negated,
            travelerEarnings: Money(amount: parts[0].amount - platformFee.amount, currency: target))
        let adding = quote.breakdown.filter { !$0.included }
        var convertedAdding = converted(adding.map(\.amount)).makeIterator()
        breakdown = quote.breakdown.map { line in
            let amount = line.included ? money(line.amount) : (convertedAdding.next() ?? money(line.amount))
            return Line(factor: line.factor, description: line.description, amount: amount, included: line.included)
        }
        self.market = market
        exchange =
            source == target
            ? nil
            : Exchange(from: source.code, to: target.code, rate: rate, asOf: rates.asOf, provider: provider)
    }
}
