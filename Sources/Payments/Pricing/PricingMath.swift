import Foundation

/// The integer arithmetic of prices: every division rounds half up, explicitly, so a price is the same on every
/// machine and a test can compute it by hand.
///
/// Amounts inside the engine are in *price units*, ten-thousandths of a major unit of the priced currency, so a
/// rate such as 0.05 per kilometre is exact even in a currency without minor units (yen).
public enum PricingMath {
    /// Price units in one major unit.
    public static let unitsPerMajor: Int64 = 10_000
    /// Parts per ten thousand of a multiplier or a rate: 10 000 is ×1, 100 is 1 %.
    public static let one: Int64 = 10_000

    /// `numerator / denominator` rounded half up (towards +∞ on a tie), for a positive denominator.
    public static func divideRoundingHalfUp(_ numerator: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator > 0, "rounding by a non-positive denominator")
        let doubled = numerator * 2 + denominator
        let divisor = denominator * 2
        let quotient = doubled / divisor
        // Swift's division truncates towards zero; floor is what "half up" needs for negative amounts too.
        return (doubled % divisor != 0 && doubled < 0) ? quotient - 1 : quotient
    }

    /// `amount × partsPerTenThousand / 10 000`, rounded half up.
    public static func share(_ amount: Int64, _ partsPerTenThousand: Int64) -> Int64 {
        divideRoundingHalfUp(amount * partsPerTenThousand, by: one)
    }

    /// Price units as minor units of `currency`, rounded half up.
    public static func minorUnits(ofPriceUnits units: Int64, minorPerMajor: Int64) -> Int64 {
        divideRoundingHalfUp(units * minorPerMajor, by: unitsPerMajor)
    }

    /// Minor units of `currency` as price units (exact: a minor unit is a whole number of price units for every
    /// currency with at most four minor digits).
    public static func priceUnits(ofMinorUnits minor: Int64, minorPerMajor: Int64) -> Int64 {
        divideRoundingHalfUp(minor * unitsPerMajor, by: minorPerMajor)
    }

    /// A measure (kilometres, kilograms, litres) as whole thousandths, rounded half up: the engine multiplies
    /// rates by integers only.
    public static func thousandths(_ measure: Double) -> Int64 {
        guard measure.isFinite, measure > 0 else { return 0 }
        return Int64((measure * 1_000).rounded(.toNearestOrAwayFromZero))
    }
}
