import Fluent
import Foundation

/// Why money went back (`refund_reason_enum`).
public enum RefundReason: String, Codable, Sendable, CaseIterable {
    /// A delivery cancelled before pickup, refunded by the cancellation policy.
    case cancellation
    /// A dispute's outcome.
    case dispute
    /// A charge whose booking could not be made.
    case bookingFailed = "booking_failed"
    /// An admin's refund.
    case manual
}

/// Where a refund stands at the provider (`refund_status_enum`).
public enum RefundStatus: String, Codable, Sendable, CaseIterable {
    case pending, succeeded, failed
}

/// A row of `refunds`.
public final class Refund: Model, @unchecked Sendable {
    public static let schema = "refunds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "payment_intent_id") public var paymentIntentId: UUID
    @OptionalField(key: "delivery_id") public var deliveryId: UUID?
    /// The provider's id (`re_…`), whichever the provider.
    @OptionalField(key: "stripe_refund_id") public var providerRefundId: String?
    /// What goes back to the card.
    @Field(key: "amount") public var amount: Int64
    @Field(key: "currency") public var currency: String
    @Enum(key: "reason") public var reason: RefundReason
    @Enum(key: "status") public var status: RefundStatus
    /// The escrowed share returned.
    @Field(key: "customer_refund") public var customerRefund: Int64
    /// The share the traveler keeps for a late cancellation.
    @Field(key: "traveler_compensation") public var travelerCompensation: Int64
    /// The processing fee returned with it.
    @Field(key: "platform_fee_refund") public var feeRefund: Int64
    @OptionalField(key: "description") public var description: String?
    @OptionalField(key: "metadata") public var metadata: [String: String]?
    @OptionalField(key: "failure_reason") public var failureReason: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "processed_at") public var processedAt: Date?

    public init() {}
}
