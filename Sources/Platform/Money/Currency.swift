import Foundation

/// An ISO-4217 currency and the number of digits of its minor unit (EUR 2, JPY 0, KWD 3).
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String
    public let minorUnitDigits: Int

    /// A known currency by its code ("eur" is accepted); nil for anything else.
    public init?(code: String) {
        let upper = code.uppercased()
        guard let digits = Self.minorUnits[upper] else { return nil }
        self.code = upper
        self.minorUnitDigits = digits
    }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let currency = Currency(code: code) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "Unknown currency \(code)"))
        }
        self = currency
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    public var description: String { code }

    /// Minor units in one major unit (100 for EUR).
    public var minorUnitsPerMajor: Int64 {
        (0..<minorUnitDigits).reduce(Int64(1)) { value, _ in value * 10 }
    }

    public static let eur = Currency(known: "EUR")
    public static let usd = Currency(known: "USD")
    public static let gbp = Currency(known: "GBP")

    private init(known code: String) {
        self.code = code
        self.minorUnitDigits = Self.minorUnits[code] ?? 2
    }

    /// Currencies the platform prices in; minor-unit digits from ISO 4217.
    static let minorUnits: [String: Int] = [
        "AED": 2, "AUD": 2, "BHD": 3, "BRL": 2, "CAD": 2, "CHF": 2, "CLP": 0, "CNY": 2, "COP": 2, "CZK": 2,
        "DKK": 2, "EGP": 2, "EUR": 2, "GBP": 2, "HKD": 2, "HUF": 2, "IDR": 2, "ILS": 2, "INR": 2, "ISK": 0,
        "JOD": 3, "JPY": 0, "KES": 2, "KRW": 0, "KWD": 3, "MAD": 2, "MXN": 2, "MYR": 2, "NGN": 2, "NOK": 2,
        "NZD": 2, "OMR": 3, "PHP": 2, "PKR": 2, "PLN": 2, "QAR": 2, "RON": 2, "SAR": 2, "SEK": 2, "SGD": 2,
        "THB": 2, "TND": 3, "TRY": 2, "TWD": 2, "UAH": 2, "USD": 2, "VND": 0, "ZAR": 2,
    ]
}
