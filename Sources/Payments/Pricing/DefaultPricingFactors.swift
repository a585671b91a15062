import Foundation

/// The pricing factors a new installation starts with, seeded by `CreatePricingFactors`.
///
/// The item-and-route factors and the fees are the platform's original tariff (5 + 0.05/km up to 500 km +
/// 0.01/km beyond + 1.5/kg + 0.5 % of the declared value, the category, urgency and fragility multipliers, the
/// 0.75×–1.5× range, 15 % commission, 2.9 % + 30 processing, 1 % insurance of at least 200), so prices did not
/// move when the tariff became data. The other factors start at modest values an operator is expected to tune;
/// promotions start switched off.
public enum DefaultPricingFactors {
    static func when(_ build: (inout PricingCondition) -> Void) -> PricingCondition {
        var condition = PricingCondition()
        build(&condition)
        return condition
    }

    public static let rules: [PricingRule] = additive + multipliers + rangeAndFees + promotions

    static let additive: [PricingRule] = [
        PricingRule(code: "base_fee", kind: .amount, description: "Base fee", value: 50_000, position: 10),
        PricingRule(
            code: "distance_first_500km", kind: .perKm, description: "Distance, per km up to 500 km", value: 500,
            condition: when { $0.toKm = 500 }, position: 20),
        PricingRule(
            code: "distance_beyond_500km", kind: .perKm, description: "Distance, per km beyond 500 km", value: 100,
            condition: when { $0.fromKm = 500 }, position: 21),
        PricingRule(code: "weight", kind: .perKg, description: "Weight, per kg", value: 15_000, position: 30),
        PricingRule(
            code: "volume_bulky", kind: .perLitre, description: "Volume, per litre above 50 litres", value: 500,
            condition: when { $0.fromLitres = 50 }, position: 40),
        PricingRule(
            code: "declared_value", kind: .valueShare, description: "Declared value, 0.5 %", value: 50, position: 50),
    ]

    static let multipliers: [PricingRule] = [
        category("documents", 8_000), category("electronics", 13_000), category("jewelry", 15_000),
        category("art", 14_000), category("medicine", 12_000), category("food", 11_000),
        PricingRule(
            code: "urgency_express", kind: .multiplier, description: "Express delivery", value: 15_000,
            condition: when { $0.urgencies = ["express"] }, position: 120),
        PricingRule(
            code: "urgency_urgent", kind: .multiplier, description: "Urgent delivery", value: 20_000,
            condition: when { $0.urgencies = ["urgent"] }, position: 121),
        PricingRule(
            code: "flexible_timing", kind: .multiplier, description: "Flexible pickup time", value: 9_500,
            condition: when { $0.flexible = true }, position: 130),
        PricingRule(
            code: "fragile", kind: .multiplier, description: "Fragile item, special handling", value: 12_500,
            condition: when { $0.fragile = true }, position: 140),
        PricingRule(
            code: "perishable", kind: .multiplier, description: "Perishable item, special handling", value: 11_500,
            condition: when { $0.perishable = true }, position: 141),
        PricingRule(
            code: "route_long_haul", kind: .multiplier, description: "Route complexity: long haul, 1500 km or more",
            value: 10_500, condition: when { $0.fromKm = 1_500 }, position: 150),
        PricingRule(
            code: "detour_large", kind: .multiplier, description: "Detour of 20 % or more of the trip",
            value: 11_000, condition: when { $0.minDetourRatio = 0.2 }, position: 151),
        PricingRule(
            code: "traveler_top_rated", kind: .multiplier, description: "Traveler rated 4.8 or better",
            value: 10_500, condition: when { $0.minRating = 4.8 }, position: 160),
        PricingRule(
            code: "traveler_new", kind: .multiplier, description: "Traveler with fewer than 5 deliveries",
            value: 9_500, condition: when { $0.maxCompletedDeliveries = 4 }, position: 161),
        PricingRule(
            code: "season_peak", kind: .multiplier, description: "Peak season: July, August, December",
            value: 11_000, condition: when { $0.months = [7, 8, 12] }, position: 170),
        PricingRule(
            code: "weekday_weekend", kind: .multiplier, description: "Weekend pickup", value: 10_500,
            condition: when { $0.weekdays = [6, 7] }, position: 171),
        PricingRule(
            code: "demand_high", kind: .multiplier, description: "High demand: 2 or more open requests per trip",
            value: 11_500, condition: when { $0.minDemandRatio = 2 }, position: 180),
        PricingRule(
            code: "supply_high", kind: .multiplier, description: "Ample supply: 2 or more trips per open request",
            value: 9_000, condition: when { $0.maxDemandRatio = 0.5 }, position: 181),
        PricingRule(
            code: "weather_poor", kind: .multiplier, description: "Poor travel weather", value: 11_000,
            condition: when { $0.weather = ["poor"] }, position: 190),
        PricingRule(
            code: "weather_severe", kind: .multiplier, description: "Severe travel weather", value: 12_500,
            condition: when { $0.weather = ["severe"] }, position: 191),
    ]

    static let rangeAndFees: [PricingRule] = [
        PricingRule(
            code: "range_low", kind: .rangeLow, description: "Low end of the range", value: 7_500, position: 300),
        PricingRule(
            code: "range_high", kind: .rangeHigh, description: "High end of the range", value: 15_000, position: 301),
        PricingRule(
            code: "platform_commission", kind: .commission, description: "Platform commission, 15 % of the price",
            value: 1_500, position: 400),
        PricingRule(
            code: "processing_rate", kind: .processingRate, description: "Card processing, 2.9 % of the charge",
            value: 290, position: 410),
        PricingRule(
            code: "processing_fixed", kind: .processingFixed, description: "Card processing, fixed part per charge",
            value: 30, position: 411),
        PricingRule(
            code: "insurance_rate", kind: .insuranceRate, description: "Insurance, 1 % of the declared value",
            value: 100, position: 420),
        PricingRule(
            code: "insurance_minimum", kind: .insuranceMinimum, description: "Insurance, smallest premium",
            value: 200, position: 421),
    ]

    static let promotions: [PricingRule] = [
        PricingRule(
            code: "promotion_first_delivery", kind: .promotionAmount, description: "First delivery credit",
            value: 500, condition: when { $0.firstDelivery = true }, position: 500, active: false),
        PricingRule(
            code: "promotion_campaign", kind: .promotionShare, description: "Campaign: 10 % off the delivery",
            value: 1_000, position: 501, active: false),
    ]

    static func category(_ name: String, _ value: Int64) -> PricingRule {
        PricingRule(
            code: "category_\(name)", kind: .multiplier, description: "Category: \(name)", value: value,
            condition: when { $0.categories = [name] }, position: 110)
    }
}
