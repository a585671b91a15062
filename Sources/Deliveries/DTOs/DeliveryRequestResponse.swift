import Foundation
import Payments
import Platform
import Trips
import Users
import Vapor

/// A delivery request as the API shows it. Contacts, instructions, traveler lists and the auto-accept price are
/// the customer's (and, for contacts, the carrying traveler's) business only.
public struct DeliveryRequestResponse: Content, Sendable {
    public struct Item: Content, Sendable {
        public var name: String
        public var description: String?
        public var weight: Double
        public var dimensions: DeliveryRequest.Dimensions?
        public var value: Money
        public var quantity: Int
        public var isFragile: Bool
        public var isPerishable: Bool
        public var isHazardous: Bool
        public var requiresSignature: Bool
        public var images: [String]
    }

    public struct TimeWindow: Content, Sendable {
        public var start: Date
        public var end: Date
    }

    public struct Endpoint: Content, Sendable {
        public var address: String
        public var coordinates: GeoPoint
        public var timeWindow: TimeWindow
        public var contactName: String?
        public var contactPhone: String?
        public var instructions: String?
        public var flexibleTiming: Bool?
        public var preferredDays: [String]?
        public var requiresRecipientPresence: Bool?
    }

    public var id: UUID
    public var customerId: UUID
    public var customer: MemberDirectory.Summary?
    public var title: String
    public var description: String?
    public var category: ItemCategory
    public var status: DeliveryRequestStatus
    public var urgency: Urgency
    public var item: Item
    public var pickup: Endpoint
    public var delivery: Endpoint
    public var distanceKm: Double
    public var capacityNeeded: CapacityAmount
    public var maxPrice: Money
    public var estimatedPrice: PriceEstimate
    public var autoAcceptPrice: Money?
    public var autoAcceptPaymentMethod: String?
    public var preferredTravelers: [UUID]?
    public var blacklistedTravelers: [UUID]?
    public var minTravelerRating: Double?
    public var verificationRequired: Bool
    public var insuranceRequired: Bool
    public var backgroundCheckRequired: Bool
    public var notificationPreferences: [String: JSONValue]?
    public var specialInstructions: String?
    public var tags: [String]
    public var expiresAt: Date
    public var createdAt: Date?
    public var updatedAt: Date?
    public var cancelledAt: Date?
    public var cancellationReason: String?

    /// `full` for the customer and admins; `contacts` adds pickup and delivery contacts for the carrying traveler.
    public enum View { case full, contacts, public_ }

    /// `pricing` prices the estimate (one snapshot of the factors for a whole list).
    public init(
        _ request: DeliveryRequest, view: View, customer: MemberDirectory.Summary? = nil, pricing: PricingFactorSet,
        at now: Date
    ) throws {
        id = try request.requireID()
        customerId = request.$customer.id
        self.customer = customer
        title = request.title
        description = request.description
        category = request.category
        status = request.status
        urgency = request.urgency
        let currency = request.priceCurrency
        item = Item(
            name: request.itemName, description: request.itemDescription, weight: request.weight,
            dimensions: request.dimensions, value: Money(amount: request.value, currency: currency),
            quantity: request.quantity, isFragile: request.isFragile, isPerishable: request.isPerishable,
            isHazardous: request.isHazardous, requiresSignature: request.requiresSignature, images: request.itemImages)
        let private_ = view != .public_
        pickup = Endpoint(
            address: request.pickupAddress, coordinates: request.pickupCoordinates,
            timeWindow: TimeWindow(start: request.pickupTimeStart, end: request.pickupTimeEnd),
            contactName: private_ ? request.pickupContactName : nil,
            contactPhone: private_ ? request.pickupContactPhone : nil,
            instructions: private_ ? request.pickupInstructions : nil, flexibleTiming: request.flexiblePickupTiming,
            preferredDays: request.preferredPickupDays)
        delivery = Endpoint(
            address: request.deliveryAddress, coordinates: request.deliveryCoordinates,
            timeWindow: TimeWindow(start: request.deliveryTimeStart, end: request.deliveryTimeEnd),
            contactName: private_ ? request.deliveryContactName : nil,
            contactPhone: private_ ? request.deliveryContactPhone : nil,
            instructions: private_ ? request.deliveryInstructions : nil,
            requiresRecipientPresence: request.requiresRecipientPresence)
        distanceKm = (request.distanceKm * 10).rounded() / 10
        capacityNeeded = request.capacityNeeded
        maxPrice = Money(amount: request.maxPrice, currency: currency)
        estimatedPrice = request.priceEstimate(pricing, at: now)
        if view == .full {
            autoAcceptPrice = request.autoAcceptPrice.map { Money(amount: $0, currency: currency) }
            autoAcceptPaymentMethod = request.autoAcceptPaymentMethod
            preferredTravelers = request.preferredTravelers
            blacklistedTravelers = request.blacklistedTravelers
            notificationPreferences = request.notificationPreferences
        }
        minTravelerRating = request.minTravelerRating
        verificationRequired = request.verificationRequired
        insuranceRequired = request.insuranceRequired
        backgroundCheckRequired = request.backgroundCheckRequired
        specialInstructions = request.specialInstructions
        tags = request.tags
        expiresAt = request.expiresAt
        createdAt = request.createdAt
        updatedAt = request.updatedAt
        cancelledAt = request.cancelledAt
        cancellationReason = request.cancellationReason
    }
}
