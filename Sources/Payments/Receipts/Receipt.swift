import Foundation
import Platform

/// What a payment's receipt says, rendered as HTML or PDF: the lines, the total, refunds and who was paid.
public struct Receipt: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var label: String
        /// Signed minor units: credits are negative.
        public var amount: Int64
    }

    public var number: String
    public var issuedAt: Date
    public var status: String
    public var paymentMethod: String
    public var currency: String
    public var lines: [Line]
    public var total: Int64
    public var refunds: [Line]
    public var deliveryId: UUID?

    public init(_ intent: PaymentIntent, refunds: [Refund]) throws {
        let id = try intent.requireID()
        number = "RCT-" + id.uuidString.prefix(8).uppercased()
        issuedAt = intent.confirmedAt ?? intent.createdAt
        status = intent.status.rawValue
        paymentMethod = intent.paymentMethod
        currency = intent.currency
        var lines = [Line(label: "Delivery (traveler's price)", amount: intent.travelerPrice)]
        if intent.insuranceFee > 0 { lines.append(Line(label: "Insurance", amount: intent.insuranceFee)) }
        if intent.processingFee > 0 { lines.append(Line(label: "Processing fee", amount: intent.processingFee)) }
        if intent.creditsApplied > 0 { lines.append(Line(label: "Credits applied", amount: -intent.creditsApplied)) }
        self.lines = lines
        total = intent.amount
        self.refunds = refunds.map {
            Line(label: "Refund (\($0.reason.rawValue), \($0.status.rawValue))", amount: -$0.amount)
        }
        deliveryId = intent.deliveryId
    }

    /// `12.34 EUR`, with the currency's decimals.
    public func format(_ amount: Int64) -> String {
        Money(amount: amount, currency: Currency(code: currency) ?? .eur).description
    }

    public var dateText: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: issuedAt) + " (UTC)"
    }
}
