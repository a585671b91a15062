import Foundation
import Platform
import Vapor

/// Where exchange rates come from. The default is `OfflineExchangeRates`, a fixed table with its date; a live
/// feed would be another conformance, installed at boot.
public protocol ExchangeRateProvider: Sendable {
    /// Named in answers, so a reader knows whose rates they are.
    var name: String { get }
    func table() async throws -> ExchangeRateTable
}

/// Rates against one reference currency on one date: `units[code]` of a currency buy one reference major unit.
public struct ExchangeRateTable: Sendable, Equatable {
    public var reference: Currency
    /// The day the rates are from (`YYYY-MM-DD`).
    public var asOf: String
    public var units: [String: Decimal]

    public init(reference: Currency, asOf: String, units: [String: Decimal]) {
        self.reference = reference
        self.asOf = asOf
        self.units = units
    }

    /// Decimal places of a published rate; conversions use the rate as published.
    public static let rateScale = 6

    /// Major units of `to` that one major unit of `from` buys, rounded half up to six decimal places.
    public func rate(from: Currency, to: Currency) -> Decimal? {
        if from == to { return 1 }
        guard let source = units[from.code], let target = units[to.code], source > 0 else { return nil }
        return Self.rounded(target / source, scale: Self.rateScale)
    }

    /// `amount` minor units of `from` in minor units of `to`, rounded half up, with the rate used.
    public func convert(_ amount: Int64, from: Currency, to: Currency) -> (amount: Int64, rate: Decimal)? {
        guard let rate = rate(from: from, to: to) else { return nil }
        if from == to { return (amount, 1) }
        let exact = Decimal(amount) * rate * Decimal(to.minorUnitsPerMajor) / Decimal(from.minorUnitsPerMajor)
        let whole = Self.rounded(exact, scale: 0)
        return (NSDecimalNumber(decimal: whole).int64Value, rate)
    }

    /// Half up for the positive amounts prices are (`.plain` rounds halves away from zero).
    static func rounded(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, .plain)
        return output
    }
}

extension Application {
    private struct ExchangeRateProviderKey: StorageKey {
        typealias Value = any ExchangeRateProvider
    }

    /// The exchange-rate source; the offline table unless a module or a test installs another.
    public var exchangeRates: any ExchangeRateProvider {
        get { storage[ExchangeRateProviderKey.self] ?? OfflineExchangeRates() }
        set { storage[ExchangeRateProviderKey.self] = newValue }
    }
}

extension CallContext {
    public var exchangeRates: any ExchangeRateProvider { application.exchangeRates }
}
