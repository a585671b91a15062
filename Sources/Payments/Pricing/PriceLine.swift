import Foundation
import Platform
import Vapor

/// One line of a quote's breakdown: the factor (its code), what it is, and what it adds to the total in minor
/// units (negative for discounts and credits).
///
/// The commission line is `included`: it is the part of the delivery price the platform keeps, shown so that
/// the customer sees it, and not added again. Every other line adds up, to the minor unit, to the total.
public struct PriceLine: Content, Sendable, Equatable {
    public var factor: String
    public var description: String
    public var amount: Int64
    public var included: Bool

    public init(factor: String, description: String, amount: Int64, included: Bool = false) {
        self.factor = factor
        self.description = description
        self.amount = amount
        self.included = included
    }
}

/// The engine's price for carrying an item, before fees: whole major units, and the lines that make it.
public struct DeliveryPrice: Sendable, Equatable {
    public var currency: Currency
    public var recommended: Int64
    public var min: Int64
    public var max: Int64
    /// They sum to `recommended` exactly.
    public var lines: [PriceLine]

    /// The `{ min, max, recommended }` shape requests show.
    public var estimate: PriceEstimate {
        PriceEstimate(
            min: Money(amount: min, currency: currency), max: Money(amount: max, currency: currency),
            recommended: Money(amount: recommended, currency: currency))
    }
}

/// The price range a request shows: `estimatedPrice { min, max, recommended }`.
public struct PriceEstimate: Content, Sendable, Equatable {
    public var min: Money
    public var max: Money
    public var recommended: Money

    public init(min: Money, max: Money, recommended: Money) {
        self.min = min
        self.max = max
        self.recommended = recommended
    }
}
