import Foundation
import Platform

/// A full quote: the delivery price, the fees a charge adds, promotional credit, and the breakdown.
public struct PriceQuote: Sendable, Equatable {
    public var delivery: DeliveryPrice
    /// The price quoted: the traveler's when one was given, else the engine's recommended price.
    public var price: Int64
    /// The charge as `OfferAcceptance` would compute it for `price`.
    public var fees: PaymentQuote
    /// What the customer would pay at the low and high ends of the range.
    public var totalMin: Int64
    public var totalMax: Int64
    /// Lines that add up to `fees.total` (the commission line is `included` and does not add).
    public var breakdown: [PriceLine]

    public var currency: Currency { delivery.currency }
    public var total: Int64 { fees.total }
}

extension PriceEngine {
    /// The quote for `facts`: the delivery price (or the traveler's), the fee schedule of the factors, and the
    /// live promotions that apply, taken off the total (never more than the price).
    public static func quote(_ facts: PricingFacts, factors: PricingFactorSet, at now: Date) -> PriceQuote {
        let delivery = deliveryPrice(facts, factors: factors, at: now)
        let schedule = factors.feeSchedule(at: now, in: facts.currency)
        let price = facts.agreedPrice ?? delivery.recommended
        let promotions = promotionLines(facts, price: price, factors: factors, at: now)
        let fees = charge(price, facts, schedule, credits: -promotions.reduce(0) { $0 + $1.amount })
        var breakdown = delivery.lines
        if price != delivery.recommended {
            breakdown.append(
                PriceLine(
                    factor: "agreed_price", description: "The traveler's price against the estimate",
                    amount: price - delivery.recommended))
        }
        let commission = rule(.commission, factors, now)
        breakdown.append(
            PriceLine(
                factor: commission?.code ?? "platform_commission",
                description: (commission?.description ?? "Platform commission") + " (included in the price)",
                amount: fees.platformFee, included: true))
        let processingShare = fees.processingFee == 0 ? 0 : fees.processingFee - schedule.processingFixed
        for (kind, amount) in [
            (PricingFactorKind.processingRate, processingShare),
            (.processingFixed, fees.processingFee - processingShare),
        ]
        where amount != 0 {
            if let rule = rule(kind, factors, now) {
                breakdown.append(PriceLine(factor: rule.code, description: rule.description, amount: amount))
            }
        }
        if fees.insuranceFee > 0 {
            let minimumApplies =
                fees.insuranceFee == schedule.insuranceMinimum
                && FeeSchedule.share(facts.declaredValue, schedule.insuranceBasisPoints) < schedule.insuranceMinimum
            let kind: PricingFactorKind = minimumApplies ? .insuranceMinimum : .insuranceRate
            let rule = rule(kind, factors, now)
            breakdown.append(
                PriceLine(
                    factor: rule?.code ?? kind.rawValue, description: rule?.description ?? "Insurance",
                    amount: fees.insuranceFee))
        }
        breakdown += promotions
        let low = charge(delivery.min, facts, schedule, credits: 0)
        let high = charge(delivery.max, facts, schedule, credits: 0)
        return PriceQuote(
            delivery: delivery, price: price, fees: fees, totalMin: low.total, totalMax: high.total,
            breakdown: breakdown)
    }

    static func charge(_ price: Int64, _ facts: PricingFacts, _ schedule: FeeSchedule, credits: Int64) -> PaymentQuote {
        schedule.quote(
            price: price, currency: facts.currency.code, insuredValue: facts.insured ? facts.declaredValue : nil,
            credits: credits)
    }

    static func rule(_ kind: PricingFactorKind, _ factors: PricingFactorSet, _ now: Date) -> PricingRule? {
        factors.singleton(kind, at: now)
    }

    /// The promotions that apply, each as a negative line, in order, together never more than the price.
    static func promotionLines(
        _ facts: PricingFacts, price: Int64, factors: PricingFactorSet, at now: Date
    ) -> [PriceLine] {
        var left = price
        var lines: [PriceLine] = []
        for rule in factors.rules
        where (rule.kind == .promotionAmount || rule.kind == .promotionShare) && applies(rule, to: facts, at: now)
            && rule.condition.measuresHold(for: facts)
        {
            let credit =
                rule.kind == .promotionAmount
                ? factors.minorUnits(rule.value, in: facts.currency) : PricingMath.share(price, rule.value)
            let applied = Swift.min(credit, left)
            guard applied > 0 else { continue }
            left -= applied
            lines.append(PriceLine(factor: rule.code, description: rule.description, amount: -applied))
        }
        return lines
    }
}
