import Foundation
import Platform

/// One pricing factor as the engine reads it: a value snapshot of a `pricing_factors` row.
public struct PricingRule: Sendable, Equatable, Codable {
    public var code: String
    public var kind: PricingFactorKind
    public var description: String
    public var value: Int64
    public var condition: PricingCondition
    public var position: Int
    public var active: Bool
    public var effectiveFrom: Date?
    public var effectiveUntil: Date?

    public init(
        code: String, kind: PricingFactorKind, description: String, value: Int64,
        condition: PricingCondition = PricingCondition(), position: Int, active: Bool = true,
        effectiveFrom: Date? = nil, effectiveUntil: Date? = nil
    ) {
        self.code = code
        self.kind = kind
        self.description = description
        self.value = value
        self.condition = condition
        self.position = position
        self.active = active
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
    }

    /// Active, and `now` inside its effective window (a campaign's dates).
    public func isLive(at now: Date) -> Bool {
        guard active else { return false }
        if let effectiveFrom, now < effectiveFrom { return false }
        if let effectiveUntil, now >= effectiveUntil { return false }
        return true
    }
}

/// Every pricing factor at one moment, the engine's whole configuration for one quote.
public struct PricingFactorSet: Sendable, Equatable {
    /// In `position` order, then by code.
    public let rules: [PricingRule]
    /// The rates that turn the tariff's amounts into the priced currency: the offline table unless the call's
    /// provider gave its own (`CallContext.pricingFactors()`).
    public var rates: ExchangeRateTable

    /// The currency the factors' amounts are written in: a base fee of 5 is 5 euros, which a quote in yen
    /// prices as 5 euros in yen. Shares, multipliers and rates have no currency.
    public static let tariffCurrency = Currency.eur

    public init(_ rules: [PricingRule], rates: ExchangeRateTable = OfflineExchangeRates.table) {
        self.rules = rules.sorted { ($0.position, $0.code) < ($1.position, $1.code) }
        self.rates = rates
    }

    /// Major units of `currency` one major unit of the tariff's currency buys, as published (six decimals);
    /// 1 when the table does not know the currency, so an amount is then priced as written.
    public func tariffRate(to currency: Currency) -> Decimal {
        rates.rate(from: Self.tariffCurrency, to: currency) ?? 1
    }

    /// `amount` minor units of the tariff's currency in minor units of `currency`, rounded half up.
    func minorUnits(_ amount: Int64, in currency: Currency) -> Int64 {
        if currency == Self.tariffCurrency || amount == 0 { return amount }
        return rates.convert(amount, from: Self.tariffCurrency, to: currency)?.amount ?? amount
    }

    /// `units` price units of the tariff's currency in price units of `currency`, rounded half up.
    func priceUnits(_ units: Int64, in currency: Currency) -> Int64 {
        if currency == Self.tariffCurrency || units == 0 { return units }
        let exact = Decimal(units) * tariffRate(to: currency)
        return NSDecimalNumber(decimal: ExchangeRateTable.rounded(exact, scale: 0)).int64Value
    }

    /// The factors a new installation starts with (`DefaultPricingFactors`).
    public static let defaults = PricingFactorSet(DefaultPricingFactors.rules)

    /// The live row of a singleton kind (the fee schedule's rates, the range's ends).
    func singleton(_ kind: PricingFactorKind, at now: Date) -> PricingRule? {
        rules.first { $0.kind == kind && $0.isLive(at: now) }
    }

    /// The value of a singleton kind, or `fallback` when its row is switched off.
    func value(of kind: PricingFactorKind, at now: Date, else fallback: Int64) -> Int64 {
        singleton(kind, at: now)?.value ?? fallback
    }

    /// The rates a charge in `currency` is computed with, from the commission, processing and insurance rows
    /// (the fixed fee and the insurance minimum converted from the tariff's currency); a row switched off
    /// charges nothing.
    public func feeSchedule(at now: Date, in currency: Currency) -> FeeSchedule {
        FeeSchedule(
            commissionBasisPoints: value(of: .commission, at: now, else: 0),
            processingBasisPoints: value(of: .processingRate, at: now, else: 0),
            processingFixed: minorUnits(value(of: .processingFixed, at: now, else: 0), in: currency),
            insuranceBasisPoints: value(of: .insuranceRate, at: now, else: 0),
            insuranceMinimum: minorUnits(value(of: .insuranceMinimum, at: now, else: 0), in: currency))
    }
}
