import Foundation

/// The currency travelers and customers of a country price in, and a rough rate from euros, so a demo price
/// of "15 euros" reads as 15 EUR in Paris, about 13 GBP in London and about 2,400 JPY in Tokyo.
public enum LocalPricing {
    private static let euroArea: Set<String> = [
        "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT",
        "SI", "SK",
    ]

    /// Country → (currency, units per euro). Countries not listed price in US dollars.
    private static let currencies: [String: (String, Double)] = [
        "GB": ("GBP", 0.85), "US": ("USD", 1.1), "CA": ("CAD", 1.5), "AU": ("AUD", 1.65), "JP": ("JPY", 160),
        "CN": ("CNY", 7.8), "IN": ("INR", 90), "BR": ("BRL", 5.5), "MX": ("MXN", 19), "CH": ("CHF", 0.95),
        "TR": ("TRY", 35), "AE": ("AED", 4), "SA": ("SAR", 4.1), "KR": ("KRW", 1_450), "ZA": ("ZAR", 20),
        "NG": ("NGN", 1_700), "EG": ("EGP", 53), "SE": ("SEK", 11.5), "NO": ("NOK", 11.7), "DK": ("DKK", 7.46),
        "PL": ("PLN", 4.3), "CZ": ("CZK", 25), "HU": ("HUF", 400), "RO": ("RON", 5), "SG": ("SGD", 1.45),
        "HK": ("HKD", 8.5), "TH": ("THB", 38), "ID": ("IDR", 17_500), "MY": ("MYR", 5), "PH": ("PHP", 63),
        "PK": ("PKR", 300), "KE": ("KES", 140), "MA": ("MAD", 10.8), "IL": ("ILS", 4), "NZ": ("NZD", 1.8),
        "CO": ("COP", 4_500), "CL": ("CLP", 1_000), "VN": ("VND", 27_000), "TW": ("TWD", 35),
    ]

    /// ISO 4217 code used in `countryCode`.
    public static func currency(for countryCode: String) -> String {
        euroArea.contains(countryCode) ? "EUR" : (currencies[countryCode]?.0 ?? "USD")
    }

    /// `euros` in minor units of `currency` (at least 1).
    public static func minorUnits(euros: Double, in currency: String) -> Int64 {
        let rate = currency == "EUR" ? 1 : (currencies.values.first { $0.0 == currency }?.1 ?? 1.1)
        let digits = ["JPY", "KRW", "CLP", "VND", "ISK"].contains(currency) ? 0 : 2
        let minor = euros * rate * pow(10, Double(digits))
        return max(1, Int64(minor.rounded()))
    }
}
