import Foundation
import Platform

/// The exchange rates the platform uses when no live feed is configured: a fixed table, dated, so a quote in
/// another currency is reproducible and says how old its rate is. Indicative reference rates, euro based.
public struct OfflineExchangeRates: ExchangeRateProvider {
    public init() {}

    public var name: String { "offline" }

    public func table() async throws -> ExchangeRateTable { Self.table }

    /// One euro in each currency the platform knows, on `asOf`, in millionths (written as integers so that
    /// every rate is an exact decimal).
    static let microUnits: [String: Int64] = [
        "AED": 3_975_000, "AUD": 1_625_000, "BHD": 408_000, "BRL": 6_050_000, "CAD": 1_480_000, "CHF": 940_000,
        "CLP": 1_010_000_000, "CNY": 7_850_000, "COP": 4_400_000_000, "CZK": 25_100_000, "DKK": 7_460_000,
        "EGP": 53_500_000, "EUR": 1_000_000, "GBP": 850_000, "HKD": 8_430_000, "HUF": 395_000_000,
        "IDR": 17_600_000_000, "ILS": 3_950_000, "INR": 92_500_000, "ISK": 146_000_000, "JOD": 768_000,
        "JPY": 165_000_000, "KES": 140_000_000, "KRW": 1_520_000_000, "KWD": 333_000, "MAD": 10_800_000,
        "MXN": 21_200_000, "MYR": 4_850_000, "NGN": 1_650_000_000, "NOK": 11_700_000, "NZD": 1_840_000,
        "OMR": 417_000, "PHP": 63_000_000, "PKR": 303_000_000, "PLN": 4_250_000, "QAR": 3_940_000,
        "RON": 5_090_000, "SAR": 4_060_000, "SEK": 11_300_000, "SGD": 1_460_000, "THB": 37_000_000,
        "TND": 3_380_000, "TRY": 38_500_000, "TWD": 35_200_000, "UAH": 45_000_000, "USD": 1_080_000,
        "VND": 27_500_000_000, "ZAR": 20_000_000,
    ]

    public static let table = ExchangeRateTable(
        reference: .eur, asOf: "2026-01-02", units: microUnits.mapValues { Decimal($0) / 1_000_000 })
}
