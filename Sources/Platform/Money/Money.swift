import Foundation

/// An amount of money: integer minor units and a currency, never a floating-point number.
///
/// Encodes as `{ "amount": 1250, "currency": "EUR" }` (12.50 EUR). Arithmetic refuses to mix currencies and
/// to overflow; allocation splits an amount into parts that always add up to the whole.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    public let amount: Int64
    public let currency: Currency

    public init(amount: Int64, currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money {
        Money(amount: 0, currency: currency)
    }

    public var isZero: Bool { amount == 0 }
    public var isNegative: Bool { amount < 0 }

    public func adding(_ other: Money) throws -> Money {
        try requireSameCurrency(other)
        let (sum, overflow) = amount.addingReportingOverflow(other.amount)
        guard !overflow else { throw MoneyError.overflow }
        return Money(amount: sum, currency: currency)
    }

    public func subtracting(_ other: Money) throws -> Money {
        try requireSameCurrency(other)
        let (difference, overflow) = amount.subtractingReportingOverflow(other.amount)
        guard !overflow else { throw MoneyError.overflow }
        return Money(amount: difference, currency: currency)
    }

    public var negated: Money { Money(amount: -amount, currency: currency) }

    /// The amount times `factor`, rounded to whole minor units (half to even, as banks round).
    public func multiplied(by factor: Decimal) throws -> Money {
        var exact = Decimal(amount) * factor
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .bankers)
        guard rounded <= Decimal(Int64.max), rounded >= Decimal(Int64.min) else { throw MoneyError.overflow }
        return Money(amount: NSDecimalNumber(decimal: rounded).int64Value, currency: currency)
    }

    /// A share in basis points (1 % = 100), rounded half to even: fees and commissions.
    public func share(basisPoints: Int) throws -> Money {
        try multiplied(by: Decimal(basisPoints) / 10_000)
    }

    /// Splits the amount in proportion to `weights`; the parts add up exactly to the amount (largest
    /// remainders receive the leftover minor units, earlier parts first on ties).
    public func allocated(_ weights: [Int]) throws -> [Money] {
        guard !weights.isEmpty, weights.allSatisfy({ $0 >= 0 }), weights.contains(where: { $0 > 0 }) else {
            throw MoneyError.invalidAllocation
        }
        let total = Decimal(weights.reduce(0, +))
        var parts: [Int64] = []
        var remainders: [(index: Int, remainder: Decimal)] = []
        for (index, weight) in weights.enumerated() {
            var exact = Decimal(amount) * Decimal(weight) / total
            var floor = Decimal()
            NSDecimalRound(&floor, &exact, 0, amount >= 0 ? .down : .up)
            parts.append(NSDecimalNumber(decimal: floor).int64Value)
            remainders.append((index, abs(exact - floor)))
        }
        var leftover = amount - parts.reduce(0, +)
        let step: Int64 = leftover >= 0 ? 1 : -1
        for entry in remainders.sorted(by: {
            $0.remainder > $1.remainder || ($0.remainder == $1.remainder && $0.index < $1.index)
        })
        where leftover != 0 {
            parts[entry.index] += step
            leftover -= step
        }
        return parts.map { Money(amount: $0, currency: currency) }
    }

    /// "12.50 EUR", with as many decimals as the currency's minor unit.
    public var description: String {
        let scale = currency.minorUnitsPerMajor
        guard currency.minorUnitDigits > 0 else { return "\(amount) \(currency.code)" }
        let sign = amount < 0 ? "-" : ""
        let magnitude = amount.magnitude
        let fraction = String(magnitude % UInt64(scale))
        let padded = String(repeating: "0", count: currency.minorUnitDigits - fraction.count) + fraction
        return "\(sign)\(magnitude / UInt64(scale)).\(padded) \(currency.code)"
    }

    fileprivate func requireSameCurrency(_ other: Money) throws {
        guard other.currency == currency else {
            throw MoneyError.currencyMismatch(currency.code, other.currency.code)
        }
    }
}

/// Why a money operation was refused.
public enum MoneyError: Error, Equatable, Sendable {
    case currencyMismatch(String, String)
    case overflow
    case invalidAllocation
}

extension Money {
    /// How this amount compares with `other` of the same currency; amounts of two currencies have no order,
    /// so comparing them throws instead of answering (or ending the process).
    public func compared(to other: Money) throws -> ComparisonResult {
        try requireSameCurrency(other)
        return amount < other.amount ? .orderedAscending : amount > other.amount ? .orderedDescending : .orderedSame
    }

    /// `self < other`, for amounts of one currency.
    public func isLess(than other: Money) throws -> Bool {
        try compared(to: other) == .orderedAscending
    }
}
