import Foundation

/// What a pricing factor's `value` means and where the engine applies it.
///
/// The delivery price is built in stages: the additive kinds (a fixed amount, per kilometre, per kilogram, per
/// litre, a share of the declared value) make the subtotal; multipliers then scale it in `position` order; the
/// range kinds give its low and high ends. The fee kinds make the `FeeSchedule` of the charge; promotions are
/// taken off the total.
public enum PricingFactorKind: String, Codable, Sendable, CaseIterable {
    /// Price units (1/10 000 of a major unit), once.
    case amount
    /// Price units per kilometre of the route inside the condition's `fromKm..<toKm`.
    case perKm = "per_km"
    /// Price units per kilogram above the condition's `fromKg`.
    case perKg = "per_kg"
    /// Price units per litre above the condition's `fromLitres`.
    case perLitre = "per_litre"
    /// Basis points of the declared value.
    case valueShare = "value_share"
    /// Parts per 10 000 of the subtotal so far (10 000 leaves it unchanged).
    case multiplier
    /// Parts per 10 000 of the price: the low end of the range shown (at most 10 000).
    case rangeLow = "range_low"
    /// Parts per 10 000 of the price: the high end of the range shown (at least 10 000).
    case rangeHigh = "range_high"
    /// Basis points of the traveler's price that the platform keeps.
    case commission
    /// Basis points of the amount charged, the card processor's rate.
    case processingRate = "processing_rate"
    /// Minor units per charge, the card processor's fixed part.
    case processingFixed = "processing_fixed"
    /// Basis points of the declared value, the premium when the item is insured.
    case insuranceRate = "insurance_rate"
    /// Minor units, the smallest premium.
    case insuranceMinimum = "insurance_minimum"
    /// Basis points of the delivery price given back as promotional credit.
    case promotionShare = "promotion_share"
    /// Minor units of promotional credit.
    case promotionAmount = "promotion_amount"

    /// The values an admin may set: wide enough for any real tariff, narrow enough that a typo (a rate of
    /// 150 %, a negative fee) is refused instead of charged.
    public var allowedValues: ClosedRange<Int64> {
        switch self {
        case .amount, .perKm, .perKg, .perLitre: 0...100_000_000
        case .valueShare, .insuranceRate: 0...2_000
        case .multiplier: 1_000...50_000
        case .rangeLow: 1_000...10_000
        case .rangeHigh: 10_000...50_000
        case .commission: 0...5_000
        case .processingRate: 0...1_000
        case .processingFixed, .promotionAmount: 0...100_000
        case .insuranceMinimum: 0...1_000_000
        case .promotionShare: 0...10_000
        }
    }

    /// How `value` reads, for admins.
    public var unit: String {
        switch self {
        case .amount: "1/10000 of a major unit"
        case .perKm: "1/10000 of a major unit per km"
        case .perKg: "1/10000 of a major unit per kg"
        case .perLitre: "1/10000 of a major unit per litre"
        case .valueShare, .commission, .processingRate, .insuranceRate, .promotionShare: "basis points"
        case .multiplier, .rangeLow, .rangeHigh: "parts per 10000, 10000 = ×1"
        case .processingFixed, .insuranceMinimum, .promotionAmount: "minor units"
        }
    }

    /// Kinds of which the engine reads exactly one row (the fee schedule and the range).
    public var isSingleton: Bool {
        switch self {
        case .rangeLow, .rangeHigh, .commission, .processingRate, .processingFixed, .insuranceRate,
            .insuranceMinimum:
            true
        default: false
        }
    }
}
