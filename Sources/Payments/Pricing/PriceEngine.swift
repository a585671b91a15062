import Foundation
import Platform

/// The pricing engine: a pure function of the facts of one quote and the pricing factors.
///
/// The additive factors make a subtotal in price units (1/10 000 of a major unit); each multiplier then scales
/// the running subtotal, rounded half up, and its line is what it added or took; the price is the subtotal
/// rounded half up to whole major units (at least one), and the difference is a `rounding` line. Lines are
/// turned into minor units on the running total, so they add up to the price exactly.
public enum PriceEngine {
    public static func deliveryPrice(_ facts: PricingFacts, factors: PricingFactorSet, at now: Date) -> DeliveryPrice {
        var parts: [(factor: String, description: String, units: Int64)] = []
        var subtotal: Int64 = 0
        for rule in factors.rules where applies(rule, to: facts, at: now) {
            guard let written = additiveUnits(rule, facts) else { continue }
            // Declared value is in the priced currency already; the tariff's amounts are converted.
            let units = rule.kind == .valueShare ? written : factors.priceUnits(written, in: facts.currency)
            parts.append((rule.code, rule.description, units))
            subtotal += units
        }
        for rule in factors.rules
        where rule.kind == .multiplier && applies(rule, to: facts, at: now) && rule.condition.measuresHold(for: facts) {
            let scaled = PricingMath.share(subtotal, rule.value)
            parts.append((rule.code, rule.description, scaled - subtotal))
            subtotal = scaled
        }
        let unitsPerMajor = PricingMath.unitsPerMajor
        let majors = Swift.max(1, PricingMath.divideRoundingHalfUp(subtotal, by: unitsPerMajor))
        let rounding = majors * unitsPerMajor - subtotal
        if rounding != 0 { parts.append(("rounding", "Rounded to whole \(facts.currency.code)", rounding)) }
        /// A range end in whole major units, from the unrounded subtotal (as the price itself is).
        func rangeEnd(_ kind: PricingFactorKind) -> Int64 {
            let share = factors.value(of: kind, at: now, else: PricingMath.one)
            return Swift.max(1, PricingMath.divideRoundingHalfUp(subtotal * share, by: unitsPerMajor * PricingMath.one))
        }
        let perMajor = facts.currency.minorUnitsPerMajor
        // A rounding of a fraction of a minor unit (always, in a currency without one) is no line to show.
        let lines = minorUnitLines(parts, minorPerMajor: perMajor).filter { $0.factor != "rounding" || $0.amount != 0 }
        return DeliveryPrice(
            currency: facts.currency, recommended: majors * perMajor, min: rangeEnd(.rangeLow) * perMajor,
            max: rangeEnd(.rangeHigh) * perMajor, lines: lines)
    }

    /// A factor is live now and its condition holds for the facts.
    static func applies(_ rule: PricingRule, to facts: PricingFacts, at now: Date) -> Bool {
        rule.isLive(at: now) && rule.condition.holds(for: facts)
    }

    /// Price-unit parts as lines in minor units, each the change of the running total once rounded, so that
    /// the lines add up to the rounded total exactly.
    static func minorUnitLines(
        _ parts: [(factor: String, description: String, units: Int64)], minorPerMajor: Int64
    ) -> [PriceLine] {
        var running: Int64 = 0
        var runningMinor: Int64 = 0
        return parts.map { part in
            running += part.units
            let minor = PricingMath.minorUnits(ofPriceUnits: running, minorPerMajor: minorPerMajor)
            defer { runningMinor = minor }
            return PriceLine(factor: part.factor, description: part.description, amount: minor - runningMinor)
        }
    }

    /// What an additive factor adds, in price units; nil when it is not additive or adds nothing.
    static func additiveUnits(_ rule: PricingRule, _ facts: PricingFacts) -> Int64? {
        let condition = rule.condition
        let units: Int64
        switch rule.kind {
        case .amount:
            guard condition.measuresHold(for: facts) else { return nil }
            units = rule.value
        case .perKm:
            units = perThousandth(
                rule.value, of: facts.distanceKm, from: condition.fromKm ?? 0, to: condition.toKm)
        case .perKg:
            units = perThousandth(rule.value, of: facts.weightKg, from: condition.fromKg ?? 0, to: nil)
        case .perLitre:
            units = perThousandth(rule.value, of: facts.volumeLitres, from: condition.fromLitres ?? 0, to: nil)
        case .valueShare:
            guard condition.measuresHold(for: facts) else { return nil }
            units = PricingMath.divideRoundingHalfUp(
                facts.declaredValue * rule.value, by: facts.currency.minorUnitsPerMajor)
        default:
            return nil
        }
        return units == 0 ? nil : units
    }

    /// `rate` per unit of the part of `measure` between `from` and `to`, measured in thousandths.
    static func perThousandth(_ rate: Int64, of measure: Double, from: Double, to: Double?) -> Int64 {
        let total = PricingMath.thousandths(measure)
        let upper = to.map { Swift.min(total, PricingMath.thousandths($0)) } ?? total
        let portion = Swift.max(0, upper - PricingMath.thousandths(from))
        return PricingMath.divideRoundingHalfUp(rate * portion, by: 1_000)
    }
}
