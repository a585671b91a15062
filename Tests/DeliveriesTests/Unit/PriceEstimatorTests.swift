import Foundation
import Payments
import Platform
import Testing

@testable import Deliveries
@testable import Trips

/// One request to price and the range ARCHITECTURE.md's formula gives, in whole major units.
struct PriceCase: Sendable, CustomTestStringConvertible {
    var km: Double
    var kg: Double
    /// Minor units of `currency`.
    var value: Int64 = 0
    var category: ItemCategory = .other
    var urgency: Urgency = .standard
    var fragile = false
    var currency = Currency.eur
    /// (min, recommended, max), major units.
    var expected: (Int64, Int64, Int64)
    var why: String

    var testDescription: String { why }
}

@Suite("Unit: price estimate")
struct PriceEstimatorUnitTests {
    static func estimate(
        km: Double, kg: Double, value: Int64, category: ItemCategory, urgency: Urgency, fragile: Bool,
        currency: Currency
    ) -> PriceEstimate {
        let facts = PricingFacts(
            currency: currency, distanceKm: km, weightKg: kg, declaredValue: value, category: category.rawValue,
            urgency: urgency.rawValue, fragile: fragile)
        return PriceEngine.deliveryPrice(facts, factors: .defaults, at: Date()).estimate
    }

    /// The seeded multiplier whose condition `matches`, as a factor (1.3), or 1 without one.
    static func seededMultiplier(_ matches: (PricingCondition) -> Bool) -> Double {
        let rule = PricingFactorSet.defaults.rules.first { $0.kind == .multiplier && matches($0.condition) }
        return Double(rule?.value ?? 10_000) / 10_000
    }

    static let cases: [PriceCase] = [
        PriceCase(km: 100, kg: 2.2, expected: (10, 13, 20), why: "5 + 0.05·100 + 1.5·2.2 = 13.3"),
        PriceCase(km: 800, kg: 2, expected: (27, 36, 54), why: "past 500 km: 5 + 0.05·500 + 0.01·300 + 1.5·2 = 36"),
        PriceCase(km: 250, kg: 1.2, expected: (14, 19, 29), why: "5 + 12.5 + 1.8 = 19.3"),
        PriceCase(
            km: 250, kg: 1.2, value: 40_000, expected: (16, 21, 32), why: "+ 0.5 % of 400 EUR declared: 21.3"),
        PriceCase(km: 250, kg: 1.2, category: .electronics, expected: (19, 25, 38), why: "electronics: 19.3 × 1.3"),
        PriceCase(km: 250, kg: 1.2, category: .art, expected: (20, 27, 41), why: "art: 19.3 × 1.4"),
        PriceCase(
            km: 250, kg: 1.2, category: .documents, urgency: .express, expected: (17, 23, 35),
            why: "documents, express: 19.3 × 0.8 × 1.5 = 23.16"),
        PriceCase(
            km: 250, kg: 1.2, category: .jewelry, urgency: .urgent, fragile: true, expected: (54, 72, 109),
            why: "jewelry, urgent, fragile: 19.3 × 1.5 × 2 × 1.25 = 72.375"),
        PriceCase(
            km: 250, kg: 1.2, value: 20_000, category: .food, currency: Currency(code: "JPY")!,
            expected: (2_710, 3_613, 5_419),
            why:
                "the tariff's 19.3 EUR at 165 yen, yen without a minor unit: (3,184.5 + 0.5 % of 20,000) × 1.1 = 3,612.95"
        ),
        PriceCase(
            km: 250, kg: 1.2, value: 5_000, category: .medicine, fragile: true, currency: Currency(code: "KWD")!,
            expected: (7, 10, 15),
            why: "the tariff's 19.3 EUR at 0.333 dinars, of 1,000 fils: (6.4269 + 0.025) × 1.2 × 1.25 = 9.68"),
        PriceCase(km: 0, kg: 0, category: .documents, expected: (3, 4, 6), why: "the floor: 5 × 0.8 = 4"),
    ]

    @Test("the estimate follows the documented formula, 0.75× to 1.5×, in whole major units", arguments: cases)
    func estimate(_ item: PriceCase) {
        let estimate = Self.estimate(
            km: item.km, kg: item.kg, value: item.value, category: item.category, urgency: item.urgency,
            fragile: item.fragile, currency: item.currency)
        let perMajor = item.currency.minorUnitsPerMajor
        let (low, recommended, high) = item.expected
        #expect(estimate.min == Money(amount: low * perMajor, currency: item.currency))
        #expect(estimate.recommended == Money(amount: recommended * perMajor, currency: item.currency))
        #expect(estimate.max == Money(amount: high * perMajor, currency: item.currency))
    }

    @Test(
        "category factors: documents 0.8, electronics 1.3, jewelry 1.5, art 1.4, medicine 1.2, food 1.1, others 1",
        arguments: ItemCategory.allCases)
    func categoryFactor(category: ItemCategory) {
        let documented: [ItemCategory: Double] = [
            .documents: 0.8, .electronics: 1.3, .jewelry: 1.5, .art: 1.4, .medicine: 1.2, .food: 1.1,
        ]
        #expect(
            Self.seededMultiplier { $0.categories == [category.rawValue] } == documented[category, default: 1])
    }

    @Test(
        "urgency factors: standard 1, express 1.5, urgent 2",
        arguments: [(Urgency.standard, 1.0), (.express, 1.5), (.urgent, 2.0)])
    func urgencyFactor(urgency: Urgency, factor: Double) {
        #expect(Self.seededMultiplier { $0.urgencies == [urgency.rawValue] } == factor)
    }

    @Test("every amount is a whole number of major units in the request's currency")
    func wholeMajorUnits() {
        for currency in [Currency.eur, Currency(code: "JPY")!, Currency(code: "KWD")!] {
            let estimate = Self.estimate(
                km: 333.3, kg: 0.77, value: 12_345, category: .gifts, urgency: .express, fragile: true,
                currency: currency)
            for money in [estimate.min, estimate.recommended, estimate.max] {
                #expect(money.currency == currency)
                #expect(money.amount % currency.minorUnitsPerMajor == 0)
            }
        }
    }
}
