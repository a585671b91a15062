import Foundation

/// Events published by the `Payments` module.

/// A customer's payment for an offer succeeded (at once, or after the customer's authentication step).
///
/// `Deliveries` subscribes in the same transaction and books the offer; when the booking cannot happen (the
/// offer was withdrawn meanwhile), the subscriber's error rolls the transaction back and `Payments` refunds the
/// charge, so a payment never stands without its delivery.
public struct PaymentIntentSucceeded: DomainEvent {
    public static let eventType = "payments.intent_succeeded"
    public var paymentIntentId: UUID
    public var offerId: UUID
    public var customerId: UUID
    /// The customer, or an admin accepting for them.
    public var acceptedBy: UUID
    public var acceptedByAdmin: Bool
    /// Charged by an auto-accept rule rather than by the customer at the time.
    public var automatic: Bool
    /// What the payer asked of the booking, as the booking module gave it to the payment.
    public var bookingDetails: [String: String]
    public var amount: Int64
    public var currency: String
    public var aggregateId: UUID { paymentIntentId }

    public init(
        paymentIntentId: UUID, offerId: UUID, customerId: UUID, acceptedBy: UUID, acceptedByAdmin: Bool,
        automatic: Bool = false, bookingDetails: [String: String] = [:], amount: Int64, currency: String
    ) {
        self.paymentIntentId = paymentIntentId
        self.offerId = offerId
        self.customerId = customerId
        self.acceptedBy = acceptedBy
        self.acceptedByAdmin = acceptedByAdmin
        self.automatic = automatic
        self.bookingDetails = bookingDetails
        self.amount = amount
        self.currency = currency
    }
}

/// A payment attempt failed (declined card, failed authentication) or was abandoned; nothing was booked.
public struct PaymentIntentFailed: DomainEvent {
    public static let eventType = "payments.intent_failed"
    public var paymentIntentId: UUID
    public var offerId: UUID?
    public var customerId: UUID
    /// `failed` or `canceled`.
    public var status: String
    public var reason: String
    public var aggregateId: UUID { paymentIntentId }

    public init(paymentIntentId: UUID, offerId: UUID?, customerId: UUID, status: String, reason: String) {
        self.paymentIntentId = paymentIntentId
        self.offerId = offerId
        self.customerId = customerId
        self.status = status
        self.reason = reason
    }
}

/// Escrow for a delivery was released: the traveler's earnings are pending in their balance.
public struct EscrowReleased: DomainEvent {
    public static let eventType = "payments.escrow_released"
    public var deliveryId: UUID
    public var travelerId: UUID
    public var travelerEarnings: Int64
    public var commission: Int64
    public var currency: String
    public var aggregateId: UUID { deliveryId }

    public init(deliveryId: UUID, travelerId: UUID, travelerEarnings: Int64, commission: Int64, currency: String) {
        self.deliveryId = deliveryId
        self.travelerId = travelerId
        self.travelerEarnings = travelerEarnings
        self.commission = commission
        self.currency = currency
    }
}

/// The customer's card issuer opened a chargeback on a delivery's payment; `Deliveries` opens a dispute in the
/// same transaction, which holds the delivery's money.
public struct ChargebackOpened: DomainEvent {
    public static let eventType = "payments.chargeback_opened"
    public var paymentIntentId: UUID
    public var deliveryId: UUID
    /// The provider's dispute id (`dp_…`).
    public var providerDisputeId: String
    public var amount: Int64
    public var currency: String
    /// The issuer's reason (`fraudulent`, `product_not_received`, …).
    public var reason: String
    public var aggregateId: UUID { paymentIntentId }

    public init(
        paymentIntentId: UUID, deliveryId: UUID, providerDisputeId: String, amount: Int64, currency: String,
        reason: String
    ) {
        self.paymentIntentId = paymentIntentId
        self.deliveryId = deliveryId
        self.providerDisputeId = providerDisputeId
        self.amount = amount
        self.currency = currency
        self.reason = reason
    }
}

/// A member's money moved for good, in the transaction that moved it: a traveler's share of a delivery credited
/// (released, kept on a cancellation, divided by a dispute — negative when a dispute takes some back), or a
/// customer's payment refunded. With `PaymentIntentSucceeded`, what the members' statistics total per currency.
public struct MemberMoneyRecorded: DomainEvent {
    public static let eventType = "payments.member_money_recorded"

    public enum Kind: String, Codable, Sendable {
        /// The traveler's earnings changed by `amount`.
        case earned
        /// `amount` of what the customer paid went back to them.
        case refunded
    }

    public var userId: UUID
    public var kind: Kind
    /// Minor units; negative only for earnings a dispute takes back.
    public var amount: Int64
    public var currency: String
    public var deliveryId: UUID?
    public var aggregateId: UUID { userId }

    public init(userId: UUID, kind: Kind, amount: Int64, currency: String, deliveryId: UUID?) {
        self.userId = userId
        self.kind = kind
        self.amount = amount
        self.currency = currency
        self.deliveryId = deliveryId
    }
}
