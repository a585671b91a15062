import Auth
import Fluent
import Foundation
import Platform
import Trips

/// An accepted offer in progress (`deliveries`): one item, one traveler, one trip.
public final class Delivery: Model, @unchecked Sendable {
    public static let schema = "deliveries"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Parent(key: "delivery_request_id") public var request: DeliveryRequest
    @Parent(key: "offer_id") public var offer: DeliveryOffer
    @Parent(key: "customer_id") public var customer: User
    @Parent(key: "traveler_id") public var traveler: User
    @Parent(key: "trip_id") public var trip: Trip
    /// Human-friendly and unique (`DLV-7K3M-9QXD`), for support calls and labels.
    @Field(key: "delivery_number") public var deliveryNumber: String
    @Enum(key: "status") public var status: DeliveryStatus
    /// Minor units of `currency`.
    @Field(key: "final_price") public var finalPrice: Int64
    @Field(key: "currency") public var currency: String
    @OptionalField(key: "special_requests") public var specialRequests: String?
    @OptionalField(key: "accepted_at") public var acceptedAt: Date?
    @OptionalField(key: "pickup_scheduled_at") public var pickupScheduledAt: Date?
    @OptionalField(key: "pickup_completed_at") public var pickupCompletedAt: Date?
    @OptionalField(key: "in_transit_at") public var inTransitAt: Date?
    @OptionalField(key: "delivery_scheduled_at") public var deliveryScheduledAt: Date?
    @OptionalField(key: "delivery_completed_at") public var deliveryCompletedAt: Date?
    /// When the customer (or the clock) confirmed the delivery; not in the seed schema.
    @OptionalField(key: "completed_at") public var completedAt: Date?
    @OptionalField(key: "cancelled_at") public var cancelledAt: Date?
    @OptionalField(key: "cancellation_reason") public var cancellationReason: String?
    @OptionalField(key: "cancelled_by") public var cancelledBy: UUID?
    @OptionalField(key: "pickup_verification") public var pickupVerification: [String: JSONValue]?
    @OptionalField(key: "delivery_verification") public var deliveryVerification: [String: JSONValue]?
    @OptionalField(key: "recipient_signature_url") public var recipientSignatureUrl: String?
    @OptionalField(key: "delivery_photo_url") public var deliveryPhotoUrl: String?
    @OptionalField(key: "delivery_notes") public var deliveryNotes: String?

    public init() {}

    public var price: Money { Money(amount: finalPrice, currency: Currency(code: currency) ?? .eur) }
}

/// One move of a delivery (`delivery_events`): who, when, from what, to what, and why.
public final class DeliveryEvent: Model, @unchecked Sendable {
    public static let schema = "delivery_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "delivery_id") public var delivery: Delivery
    /// Nil for the creation of the delivery.
    @OptionalEnum(key: "from_status") public var fromStatus: DeliveryStatus?
    @Enum(key: "to_status") public var toStatus: DeliveryStatus
    @OptionalField(key: "actor_id") public var actorId: UUID?
    @Enum(key: "actor_role") public var actorRole: DeliveryStatus.Actor
    @OptionalField(key: "reason") public var reason: String?
    @Field(key: "metadata") public var metadata: [String: JSONValue]
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(
        deliveryId: UUID, from: DeliveryStatus?, to: DeliveryStatus, actorId: UUID?, role: DeliveryStatus.Actor,
        reason: String?, metadata: [String: JSONValue] = [:], at date: Date
    ) {
        self.$delivery.id = deliveryId
        self.fromStatus = from
        self.toStatus = to
        self.actorId = actorId
        self.actorRole = role
        self.reason = reason
        self.metadata = metadata
        self.createdAt = date
    }
}
