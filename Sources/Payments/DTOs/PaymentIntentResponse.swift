import Foundation
import Platform
import Vapor

/// A payment intent as its customer (and admins) see it: the amount charged, itemised, and what to do next.
public struct PaymentIntentResponse: Content, Sendable {
    public struct Fees: Content, Sendable {
        /// The traveler's price.
        public var travelerPrice: Money
        /// The platform's commission, taken from the traveler's price.
        public var platformFee: Money
        public var processingFee: Money
        public var insuranceFee: Money
        public var creditsApplied: Money
        public var totalFees: Money
    }

    /// What the customer has to do when the payment waits for them.
    public struct NextAction: Content, Sendable {
        /// `authenticate`: complete the card's authentication step, then confirm.
        public var type: String
        /// Where the card issuer's authentication page is, when the provider has one.
        public var redirectUrl: String?
        /// For the provider's own client library (Stripe.js `handleNextAction`).
        public var clientSecret: String?
        /// `POST` here once the step is done.
        public var confirmPath: String
        /// After this the attempt is cancelled by itself.
        public var expiresAt: Date?
    }

    public var id: UUID
    public var status: PaymentIntentStatus
    public var amount: Money
    public var fees: Fees
    public var provider: String
    public var providerIntentId: String?
    public var paymentMethod: String
    public var offerId: UUID?
    public var deliveryId: UUID?
    public var nextAction: NextAction?
    public var declineCode: String?
    public var failureReason: String?
    public var createdAt: Date
    public var confirmedAt: Date?
    public var failedAt: Date?
    public var canceledAt: Date?

    public init(_ intent: PaymentIntent) throws {
        let currency = Currency(code: intent.currency) ?? .eur
        func money(_ amount: Int64) -> Money { Money(amount: amount, currency: currency) }
        id = try intent.requireID()
        status = intent.status
        amount = money(intent.amount)
        fees = Fees(
            travelerPrice: money(intent.travelerPrice), platformFee: money(intent.platformFee),
            processingFee: money(intent.processingFee), insuranceFee: money(intent.insuranceFee),
            creditsApplied: money(intent.creditsApplied), totalFees: money(intent.totalFees))
        provider = intent.provider
        providerIntentId = intent.providerIntentId
        paymentMethod = intent.paymentMethod
        offerId = intent.offerId
        deliveryId = intent.deliveryId
        if intent.status == .requiresAction {
            nextAction = NextAction(
                type: "authenticate", redirectUrl: intent.nextActionURL, clientSecret: intent.clientSecret,
                confirmPath: "/api/v1/payments/intents/\(id.uuidString.lowercased())/confirm",
                expiresAt: intent.actionExpiresAt)
        }
        declineCode = intent.declineCode
        failureReason = intent.failureReason
        createdAt = intent.createdAt
        confirmedAt = intent.confirmedAt
        failedAt = intent.failedAt
        canceledAt = intent.canceledAt
    }
}
