import Auth
import Fluent
import Foundation
import Platform
import Trips

/// A customer's request to have an item carried (`delivery_requests`).
///
/// Money columns are minor units of `currency`; weight is kilograms per item, dimensions centimetres. The
/// geography columns are `{ lat, lng }` JSON plus plain copies for bounding-box searches.
public final class DeliveryRequest: Model, @unchecked Sendable {
    public static let schema = "delivery_requests"

    /// Length, width and height in centimetres.
    public struct Dimensions: Codable, Sendable, Equatable {
        public var length: Double
        public var width: Double
        public var height: Double

        /// Litres.
        public var volume: Double { length * width * height / 1000 }
    }

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Parent(key: "customer_id") public var customer: User
    @Field(key: "title") public var title: String
    @OptionalField(key: "description") public var description: String?
    @Enum(key: "category") public var category: ItemCategory
    @Enum(key: "status") public var status: DeliveryRequestStatus
    @Enum(key: "urgency") public var urgency: Urgency

    @Field(key: "item_name") public var itemName: String
    @OptionalField(key: "item_description") public var itemDescription: String?
    @Field(key: "quantity") public var quantity: Int
    @Field(key: "weight") public var weight: Double
    @OptionalField(key: "dimensions") public var dimensions: Dimensions?
    @Field(key: "value") public var value: Int64
    @Field(key: "is_fragile") public var isFragile: Bool
    @Field(key: "is_perishable") public var isPerishable: Bool
    @Field(key: "is_hazardous") public var isHazardous: Bool
    @Field(key: "requires_signature") public var requiresSignature: Bool
    @Field(key: "item_images") public var itemImages: [String]

    @Field(key: "pickup_address") public var pickupAddress: String
    @Field(key: "pickup_coordinates") public private(set) var pickupCoordinates: GeoPoint
    @Field(key: "pickup_lat") public private(set) var pickupLat: Double
    @Field(key: "pickup_lng") public private(set) var pickupLng: Double
    @Field(key: "pickup_contact_name") public var pickupContactName: String
    @Field(key: "pickup_contact_phone") public var pickupContactPhone: String
    @OptionalField(key: "pickup_instructions") public var pickupInstructions: String?
    @Field(key: "pickup_time_start") public var pickupTimeStart: Date
    @Field(key: "pickup_time_end") public var pickupTimeEnd: Date
    @Field(key: "flexible_pickup_timing") public var flexiblePickupTiming: Bool
    @Field(key: "preferred_pickup_days") public var preferredPickupDays: [String]

    @Field(key: "delivery_address") public var deliveryAddress: String
    @Field(key: "delivery_coordinates") public private(set) var deliveryCoordinates: GeoPoint
    @Field(key: "delivery_lat") public private(set) var deliveryLat: Double
    @Field(key: "delivery_lng") public private(set) var deliveryLng: Double
    @Field(key: "delivery_contact_name") public var deliveryContactName: String
    @Field(key: "delivery_contact_phone") public var deliveryContactPhone: String
    @OptionalField(key: "delivery_instructions") public var deliveryInstructions: String?
    @Field(key: "delivery_time_start") public var deliveryTimeStart: Date
    @Field(key: "delivery_time_end") public var deliveryTimeEnd: Date
    @Field(key: "requires_recipient_presence") public var requiresRecipientPresence: Bool
    /// Great-circle distance from pickup to delivery; not in the seed schema.
    @Field(key: "distance_km") public private(set) var distanceKm: Double

    /// ISO 4217 code of every price on the request; not in the seed schema.
    @Field(key: "currency") public var currency: String
    @Field(key: "max_price") public var maxPrice: Int64
    @OptionalField(key: "auto_accept_price") public var autoAcceptPrice: Int64?
    /// What an automatic acceptance charges (not in the seed schema: accepting is paying).
    @OptionalField(key: "auto_accept_payment_method") public var autoAcceptPaymentMethod: String?
    /// The recommended price of the estimate.
    @Field(key: "estimated_price") public var estimatedPrice: Int64
    @Field(key: "preferred_travelers") public var preferredTravelers: [UUID]
    @Field(key: "blacklisted_travelers") public var blacklistedTravelers: [UUID]
    @OptionalField(key: "min_traveler_rating") public var minTravelerRating: Double?
    @Field(key: "verification_required") public var verificationRequired: Bool
    @Field(key: "insurance_required") public var insuranceRequired: Bool
    @Field(key: "background_check_required") public var backgroundCheckRequired: Bool
    @Field(key: "notification_preferences") public var notificationPreferences: [String: JSONValue]
    @OptionalField(key: "special_instructions") public var specialInstructions: String?
    @Field(key: "tags") public var tags: [String]
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "cancelled_at") public var cancelledAt: Date?
    @OptionalField(key: "cancellation_reason") public var cancellationReason: String?

    public init() {}

    public init(customerId: UUID) {
        self.$customer.id = customerId
        self.status = .pending
        self.urgency = .standard
        self.quantity = 1
        self.isFragile = false
        self.isPerishable = false
        self.isHazardous = false
        self.requiresSignature = false
        self.itemImages = []
        self.flexiblePickupTiming = false
        self.preferredPickupDays = []
        self.requiresRecipientPresence = false
        self.preferredTravelers = []
        self.blacklistedTravelers = []
        self.verificationRequired = false
        self.insuranceRequired = false
        self.backgroundCheckRequired = false
        self.notificationPreferences = [:]
        self.tags = []
    }

    /// The only way to set the two ends, so the indexed copies and the distance never drift.
    public func route(from pickup: GeoPoint, to delivery: GeoPoint) {
        pickupCoordinates = pickup
        pickupLat = pickup.lat
        pickupLng = pickup.lng
        deliveryCoordinates = delivery
        deliveryLat = delivery.lat
        deliveryLng = delivery.lng
        distanceKm = pickup.distanceKm(to: delivery)
    }

    public var priceCurrency: Currency { Currency(code: currency) ?? .eur }

    /// The capacity the whole request takes on a trip.
    public var capacityNeeded: CapacityAmount {
        CapacityAmount(
            weight: (weight * Double(quantity)).roundedCapacity,
            volume: ((dimensions?.volume ?? 0) * Double(quantity)).roundedCapacity, items: quantity)
    }
}
