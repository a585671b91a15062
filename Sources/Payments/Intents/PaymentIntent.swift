import Fluent
import Foundation

/// A row of `payment_intents`: one attempt to charge a customer for an offer, itemised.
///
/// The customer pays `amount = travelerPrice + processingFee + insuranceFee − creditsApplied`; the platform's
/// commission (`platformFee`) comes out of the traveler's price when escrow is released, so the traveler earns
/// `travelerPrice − platformFee`.
public final class PaymentIntent: Model, @unchecked Sendable {
    public static let schema = "payment_intents"

    @ID(key: .id) public var id: UUID?
    /// Set when the payment booked its delivery.
    @OptionalField(key: "delivery_id") public var deliveryId: UUID?
    @OptionalField(key: "offer_id") public var offerId: UUID?
    @Field(key: "customer_id") public var customerId: UUID
    /// Who is paid when escrow is released.
    @OptionalField(key: "traveler_id") public var travelerId: UUID?
    /// `sandbox` or `stripe`.
    @Field(key: "provider") public var provider: String
    /// The provider's id (`pi_…`), whichever the provider.
    @OptionalField(key: "stripe_payment_intent_id") public var providerIntentId: String?
    /// What the customer is charged, in minor units.
    @Field(key: "amount") public var amount: Int64
    @Field(key: "currency") public var currency: String
    @Enum(key: "status") public var status: PaymentIntentStatus
    @Field(key: "payment_method_id") public var paymentMethod: String
    /// Handed to the customer's client for an authentication step; never in logs.
    @OptionalField(key: "client_secret") public var clientSecret: String?
    @OptionalField(key: "next_action_url") public var nextActionURL: String?
    @Field(key: "traveler_price") public var travelerPrice: Int64
    @Field(key: "platform_fee") public var platformFee: Int64
    @Field(key: "processing_fee") public var processingFee: Int64
    @Field(key: "insurance_fee") public var insuranceFee: Int64
    @Field(key: "credits_applied") public var creditsApplied: Int64
    @Field(key: "total_fees") public var totalFees: Int64
    @OptionalField(key: "metadata") public var metadata: [String: String]?
    /// The provider's decline code (`insufficient_funds`) when the card was declined.
    @OptionalField(key: "decline_code") public var declineCode: String?
    @OptionalField(key: "failure_reason") public var failureReason: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "confirmed_at") public var confirmedAt: Date?
    @OptionalField(key: "failed_at") public var failedAt: Date?
    @OptionalField(key: "canceled_at") public var canceledAt: Date?
    /// When an unfinished authentication step is given up and the intent cancelled.
    @OptionalField(key: "action_expires_at") public var actionExpiresAt: Date?

    public init() {}

    /// What the traveler earns when escrow is released.
    public var travelerEarnings: Int64 { travelerPrice - platformFee }

    /// What escrow holds: the customer's payment and credits, less the processing fee already spent.
    public var escrowAmount: Int64 { travelerPrice + insuranceFee }
}
