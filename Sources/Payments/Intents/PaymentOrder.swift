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
    /// What the payer asked of the booking (special requests, handoff security), handed back with the success
    /// to the module that books; the payment does not read it.
    public var bookingDetails: [String: String]

    public init(
        offerId: UUID, customerId: UUID, travelerId: UUID, acceptedBy: UUID, acceptedByAdmin: Bool,
        automatic: Bool = false, quote: PaymentQuote, paymentMethod: String, description: String,
        bookingDetails: [String: String] = [:]
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
        self.bookingDetails = bookingDetails
    }
}
