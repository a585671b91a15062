import Foundation
import Platform
import Testing

@testable import Payments

/// The pricing engine as a pure function of facts and factors: integer arithmetic, half-up rounding, a
/// breakdown that adds up to the total, and every factor in it when it applies.
@Suite("Unit: pricing engine")
struct PricingEngineTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    static let defaults = PricingFactorSet.defaults

    static func facts(
        km: Double = 100, kg: Double = 2.2, value: Int64 = 0, category: String = "other", currency: Currency = .eur,
        _ adjust: (inout PricingFacts) -> Void = { _ in }
    ) -> PricingFacts {
        var facts = PricingFacts(
            currency: currency, distanceKm: km, weightKg: kg, declaredValue: value, category: category)
        adjust(&facts)
        return facts
    }

    /// The default factors with `codes` switched on (promotions start off).
    static func with(active codes: Set<String>) -> PricingFactorSet {
        PricingFactorSet(
            defaults.rules.map { rule in
                var rule = rule
                if codes.contains(rule.code) { rule.active = true }
                return rule
            })
    }

    @Test("half up: ties go up, for negative amounts too; shares round the same way")
    func rounding() {
        #expect(PricingMath.divideRoundingHalfUp(5, by: 10) == 1)
        #expect(PricingMath.divideRoundingHalfUp(4, by: 10) == 0)
        #expect(PricingMath.divideRoundingHalfUp(-5, by: 10) == 0)
        #expect(PricingMath.divideRoundingHalfUp(-6, by: 10) == -1)
        #expect(PricingMath.divideRoundingHalfUp(-15, by: 10) == -1)
        #expect(PricingMath.share(193_000, 13_000) == 250_900)
        #expect(PricingMath.share(723_750, 7_500) == 542_813, "542 812.5 rounds up")
        #expect(PricingMath.minorUnits(ofPriceUnits: 12_345, minorPerMajor: 100) == 123)
        #expect(PricingMath.minorUnits(ofPriceUnits: 12_350, minorPerMajor: 100) == 124)
        #expect(PricingMath.minorUnits(ofPriceUnits: 12_345, minorPerMajor: 1) == 1)
    }

    @Test("100 km and 2.2 kg: 5 + 5 + 3.30 = 13.30, so 13 EUR; fees 15 %, 2.9 % + 30; lines exact to the cent")
    func handComputedQuote() {
        let quote = PriceEngine.quote(Self.facts(), factors: Self.defaults, at: Self.now)
        #expect(quote.delivery.recommended == 1300)
        #expect(quote.delivery.min == 1000, "0.75 × 13.30 = 9.975")
        #expect(quote.delivery.max == 2000, "1.5 × 13.30 = 19.95")
        let lines = quote.breakdown.map { "\($0.factor) \($0.amount)\($0.included ? " included" : "")" }
        #expect(
            lines == [
                "base_fee 500", "distance_first_500km 500", "weight 330", "rounding -30",
                "platform_commission 195 included", "processing_rate 38", "processing_fixed 30",
            ])
        #expect(quote.fees.platformFee == 195)
        #expect(quote.total == 1368, "1300 + round(37.7) + 30")
        #expect(quote.totalMin == 1000 + 29 + 30)
        #expect(quote.totalMax == 2000 + 58 + 30)
    }

    @Test("a multiplier's line is what it adds to the running subtotal, turned into cents on the running total")
    func multiplierLines() {
        let price = PriceEngine.deliveryPrice(
            Self.facts(km: 250, kg: 1.2, category: "electronics"), factors: Self.defaults, at: Self.now)
        #expect(
            price.lines.map(\.factor) == [
                "base_fee", "distance_first_500km", "weight", "category_electronics", "rounding",
            ])
        // 5.00 + 12.50 + 1.80 = 19.30; × 1.3 = 25.09 (+5.79); rounded to 25 (−0.09).
        #expect(price.lines.map(\.amount) == [500, 1250, 180, 579, -9])
        #expect(price.lines.map(\.amount).reduce(0, +) == price.recommended)
        #expect(price.recommended == 2500)
    }

    @Test("every factor appears in the breakdown when it applies, and the lines add up to the total")
    func everyFactorApplies() {
        let saturdayInDecember = ISO8601DateFormatter().date(from: "2026-12-05T09:00:00Z") ?? Self.now
        let facts = Self.facts(km: 1_600, kg: 3, value: 50_000, category: "electronics") {
            $0.volumeLitres = 60
            $0.urgency = "express"
            $0.flexible = true
            $0.fragile = true
            $0.perishable = true
            $0.detourRatio = 0.3
            $0.travelerRating = 4.9
            $0.travelerCompletedDeliveries = 2
            $0.pickupDate = saturdayInDecember
            $0.demandRatio = 3
            $0.weather = "poor"
            $0.firstDelivery = true
            $0.insured = true
        }
        let factors = Self.with(active: ["promotion_first_delivery", "promotion_campaign"])
        let quote = PriceEngine.quote(facts, factors: factors, at: Self.now)
        let codes = Set(quote.breakdown.map(\.factor))
        let expected: Set<String> = [
            "base_fee", "distance_first_500km", "distance_beyond_500km", "weight", "volume_bulky", "declared_value",
            "category_electronics", "urgency_express", "flexible_timing", "fragile", "perishable", "route_long_haul",
            "detour_large", "traveler_top_rated", "traveler_new", "season_peak", "weekday_weekend", "demand_high",
            "weather_poor", "platform_commission", "processing_rate", "processing_fixed", "insurance_rate",
            "promotion_first_delivery", "promotion_campaign",
        ]
        #expect(expected.subtracting(codes).isEmpty, "missing: \(expected.subtracting(codes).sorted())")
        #expect(quote.breakdown.filter { !$0.included }.map(\.amount).reduce(0, +) == quote.total)
        let deliveryLines = quote.delivery.lines.map(\.amount).reduce(0, +)
        #expect(deliveryLines == quote.delivery.recommended)
        #expect(quote.breakdown.first { $0.factor == "volume_bulky" }?.amount == 50, "10 litres above 50 at 0.05")
        #expect(quote.breakdown.first { $0.factor == "declared_value" }?.amount == 250, "0.5 % of 500 EUR")
        #expect(quote.breakdown.first { $0.factor == "insurance_rate" }?.amount == 500, "1 % of 500 EUR")
        #expect(quote.breakdown.first { $0.factor == "promotion_first_delivery" }?.amount == -500)
        #expect(quote.fees.creditsApplied == 500 + PricingMath.share(quote.price, 1_000))
    }

    @Test("the other side of each condition: supply, severe weather, urgent, and no traveler or calendar")
    func otherConditions() {
        let facts = Self.facts { facts in
            facts.urgency = "urgent"
            facts.demandRatio = 0.25
            facts.weather = "severe"
        }
        let codes = PriceEngine.deliveryPrice(facts, factors: Self.defaults, at: Self.now).lines.map(\.factor)
        #expect(codes.contains("urgency_urgent") && codes.contains("supply_high") && codes.contains("weather_severe"))
        for absent in [
            "demand_high", "weather_poor", "traveler_new", "traveler_top_rated", "season_peak", "detour_large",
        ] {
            #expect(!codes.contains(absent), "\(absent) needs a fact this quote does not have")
        }
    }

    @Test("a traveler's price replaces the estimate with a line for the difference; insurance shows its minimum")
    func agreedPriceAndInsuranceMinimum() {
        let facts = Self.facts(value: 1_000) {
            $0.agreedPrice = 4_500
            $0.insured = true
        }
        let quote = PriceEngine.quote(facts, factors: Self.defaults, at: Self.now)
        #expect(quote.price == 4_500)
        let difference = quote.breakdown.first { $0.factor == "agreed_price" }?.amount
        #expect(difference == 3_200, "4500 against the estimate of 1300")
        #expect(quote.breakdown.first { $0.factor == "insurance_minimum" }?.amount == 200)
        #expect(
            quote.fees
                == Self.defaults.feeSchedule(at: Self.now, in: .eur).quote(
                    price: 4_500, currency: "EUR", insuredValue: 1_000))
        #expect(quote.breakdown.filter { !$0.included }.map(\.amount).reduce(0, +) == quote.total)
    }

    @Test("promotions never take more than the price, and a campaign outside its dates does not apply")
    func promotions() {
        var rules = Self.with(active: ["promotion_first_delivery"]).rules
        if let index = rules.firstIndex(where: { $0.code == "promotion_first_delivery" }) {
            rules[index].value = 5_000
        }
        let credited = PriceEngine.quote(
            Self.facts { $0.firstDelivery = true }, factors: PricingFactorSet(rules), at: Self.now)
        #expect(credited.fees.creditsApplied == 1_300)
        #expect(credited.total == 0)
        #expect(credited.breakdown.filter { !$0.included }.map(\.amount).reduce(0, +) == 0)

        var campaign = Self.with(active: ["promotion_campaign"]).rules
        if let index = campaign.firstIndex(where: { $0.code == "promotion_campaign" }) {
            campaign[index].effectiveUntil = Self.now
        }
        let over = PriceEngine.quote(Self.facts(), factors: PricingFactorSet(campaign), at: Self.now)
        #expect(!over.breakdown.contains { $0.factor == "promotion_campaign" })
        let running = PriceEngine.quote(
            Self.facts(), factors: PricingFactorSet(campaign), at: Self.now.addingTimeInterval(-1))
        #expect(running.breakdown.first { $0.factor == "promotion_campaign" }?.amount == -130)
    }

    @Test("the tariff is written in euros: a quote in yen prices its amounts, fixed fee and credit at the day's rate")
    func tariffCurrency() {
        let yen = Currency(code: "JPY")!
        // 100 km and 2.2 kg: 13.30 EUR at 165 yen = 2,194.5, so 2,195 yen (yen have no minor unit).
        let price = PriceEngine.deliveryPrice(Self.facts(currency: yen), factors: Self.defaults, at: Self.now)
        #expect(price.recommended == 2_195)
        #expect(price.lines.first { $0.factor == "base_fee" }?.amount == 825, "5 EUR × 165")
        #expect(price.lines.map(\.amount).reduce(0, +) == 2_195)
        #expect(!price.lines.contains { $0.amount == 0 }, "no zero line for the rounding of a fraction of a yen")
        let schedule = Self.defaults.feeSchedule(at: Self.now, in: yen)
        #expect(schedule.processingFixed == 50, "0.30 EUR × 165 = 49.5 yen, rounded half up")
        #expect(schedule.insuranceMinimum == 330, "2.00 EUR × 165")
        #expect(
            schedule.commissionBasisPoints == Self.defaults.feeSchedule(at: Self.now, in: .eur).commissionBasisPoints)

        var rules = Self.with(active: ["promotion_first_delivery"]).rules
        if let index = rules.firstIndex(where: { $0.code == "promotion_first_delivery" }) { rules[index].value = 500 }
        let credited = PriceEngine.quote(
            Self.facts(currency: yen) { $0.firstDelivery = true }, factors: PricingFactorSet(rules), at: Self.now)
        #expect(credited.fees.creditsApplied == 825, "a 5 EUR credit is 825 yen")

        let unknown = PricingFactorSet(
            Self.defaults.rules, rates: ExchangeRateTable(reference: .eur, asOf: "2026-01-02", units: ["EUR": 1]))
        let asWritten = PriceEngine.deliveryPrice(Self.facts(currency: yen), factors: unknown, at: Self.now)
        #expect(asWritten.recommended == 13, "a currency the table lacks is priced as written")
    }

    @Test("a switched-off factor prices nothing; the fee schedule follows the rows")
    func switchedOff() {
        let rules = Self.defaults.rules.map { rule in
            var rule = rule
            if ["weight", "platform_commission"].contains(rule.code) { rule.active = false }
            if rule.code == "processing_rate" { rule.value = 500 }
            return rule
        }
        let factors = PricingFactorSet(rules)
        #expect(PriceEngine.deliveryPrice(Self.facts(), factors: factors, at: Self.now).recommended == 1000)
        let schedule = factors.feeSchedule(at: Self.now, in: .eur)
        #expect(schedule.commissionBasisPoints == 0 && schedule.processingBasisPoints == 500)
        #expect(
            Self.defaults.feeSchedule(at: Self.now, in: .eur)
                == FeeSchedule(
                    commissionBasisPoints: 1_500, processingBasisPoints: 290, processingFixed: 30,
                    insuranceBasisPoints: 100, insuranceMinimum: 200))
    }

    @Test("conditions an admin writes are checked rule by rule")
    func conditionProblems() throws {
        var condition = PricingCondition()
        condition.fromKm = 500
        condition.toKm = 100
        condition.months = [0, 13]
        condition.weekdays = [8]
        condition.weather = ["hail"]
        condition.minRating = 6
        #expect(condition.problems().count == 5)
        let rule = try #require(Self.defaults.rules.first { $0.code == "category_art" })
        var input = PricingFactorInput(value: 500)
        input.condition = condition
        #expect(throws: APIError.self) { try input.applied(to: rule) }
        do {
            _ = try input.applied(to: rule)
        } catch let error as APIError {
            #expect(error.details.count == 6, "\(error.details)")
            #expect(error.details.first?.hasPrefix("value must be 1000 to 50000") == true)
        }
        #expect(throws: APIError.self) { try PricingFactorInput().applied(to: rule) }
        #expect(try PricingFactorInput(value: 15_000).applied(to: rule).value == 15_000)
    }

    @Test("exchange: rates rebased and published to six places; conversions round half up to the minor unit")
    func exchange() throws {
        let table = OfflineExchangeRates.table
        #expect(table.rate(from: .eur, to: .usd) == Decimal(108) / 100)
        let usdToGbp = try #require(table.rate(from: .usd, to: .gbp))
        #expect(usdToGbp == Decimal(787_037) / 1_000_000, "0.85 / 1.08 = 0.7870370…")
        #expect(table.convert(1_000, from: .usd, to: .gbp)?.amount == 787, "1000 × 0.787037 = 787.037")
        #expect(table.convert(1_000, from: .eur, to: Currency(code: "JPY")!)?.amount == 1_650, "10 EUR × 165")
        #expect(table.convert(4_255, from: .eur, to: .usd)?.amount == 4_595, "4255 × 1.08 = 4595.4")
        #expect(table.convert(5, from: .eur, to: .usd)?.amount == 5, "5.4 rounds down")
        #expect(table.convert(25, from: .eur, to: .gbp)?.amount == 21, "21.25 rounds down")
        #expect(table.convert(10, from: .eur, to: .gbp)?.amount == 9, "8.5 rounds up")
        #expect(table.convert(1_000, from: .eur, to: .eur)?.amount == 1_000)
        #expect(table.units.count == 48)
    }
}
