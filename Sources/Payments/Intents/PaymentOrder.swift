import Foundation

/// A customer's payment for an offer, as `Deliveries` asks for it when the customer accepts.
public struct PaymentOrder: Sendable {
    public var offerId: UUID
    public var customerId: UUID
    public var travelerId: UUID
    /// The customer, or an admin accepting for them.
    public var acceptedBy: UUID
    public var acceptedByAdmin: Bool
    /// Charged by an auto-accept rule.
    public var automatic: Bool
    public var quote: PaymentQuote
    public var paymentMethod: String
    /// Shown on the card statement and the receipt.
    public var description: String
    public var specialRequests: String?

    public init(
        offerId: UUID, customerId: UUID, travelerId: UUID, acceptedBy: UUID, acceptedByAdmin: Bool,
        automatic: Bool = false, quote: PaymentQuote, paymentMethod: String, description: String,
        specialRequests: String?
    ) {
        self.offerId = offerId
        self.customerId = customerId
        self.travelerId = travelerId
        self.acceptedBy = acceptedBy
        self.acceptedByAdmin = acceptedByAdmin
        self.automatic = automatic
        self.quote = quote
        self.paymentMethod = paymentMethod
        self.description = description
        self.specialRequests = specialRequests
    }
}
