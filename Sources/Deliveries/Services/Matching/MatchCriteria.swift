import Foundation
import Platform
import Trips

/// What a request asks of a trip, in the form the matching engine reads.
public struct MatchCriteria: Sendable {
    public var pickup: GeoPoint
    public var delivery: GeoPoint
    /// How far a trip's origin may be from the pickup, and its destination from the drop-off.
    public var radiusKm: Double
    public var pickupWindow: ClosedRange<Date>
    public var deliveryWindow: ClosedRange<Date>
    /// The whole request's weight, volume and pieces.
    public var capacity: CapacityAmount
    /// Kilograms of one piece, for a trip's per-item limit.
    public var pieceWeight: Double
    public var category: ItemCategory
    /// Declared value, minor units of `currency`.
    public var value: Int64
    public var currency: String
    public var fragile: Bool
    public var perishable: Bool
    public var urgency: Urgency
    /// Minor units of `currency`.
    public var maxPrice: Int64
    public var minRating: Double?
    /// The customer, blacklisted travelers and everyone across a block.
    public var excludedTravelers: Set<UUID>
    /// Preferred travelers and the customer's favourites: first among equals.
    public var preferredTravelers: Set<UUID>

    public init(
        pickup: GeoPoint, delivery: GeoPoint, radiusKm: Double, pickupWindow: ClosedRange<Date>,
        deliveryWindow: ClosedRange<Date>, capacity: CapacityAmount, pieceWeight: Double, category: ItemCategory,
        value: Int64, currency: String, fragile: Bool, perishable: Bool, urgency: Urgency, maxPrice: Int64,
        minRating: Double?, excludedTravelers: Set<UUID>, preferredTravelers: Set<UUID>
    ) {
        self.pickup = pickup
        self.delivery = delivery
        self.radiusKm = radiusKm
        self.pickupWindow = pickupWindow
        self.deliveryWindow = deliveryWindow
        self.capacity = capacity
        self.pieceWeight = pieceWeight
        self.category = category
        self.value = value
        self.currency = currency
        self.fragile = fragile
        self.perishable = perishable
        self.urgency = urgency
        self.maxPrice = maxPrice
        self.minRating = minRating
        self.excludedTravelers = excludedTravelers
        self.preferredTravelers = preferredTravelers
    }
}

extension MatchCriteria {
    /// The criteria of a stored request.
    public init(
        _ request: DeliveryRequest, radiusKm: Double, excluded: Set<UUID>, preferred: Set<UUID>
    ) {
        self.init(
            pickup: request.pickupCoordinates, delivery: request.deliveryCoordinates, radiusKm: radiusKm,
            pickupWindow: request.pickupTimeStart...request.pickupTimeEnd,
            deliveryWindow: request.deliveryTimeStart...request.deliveryTimeEnd, capacity: request.capacityNeeded,
            pieceWeight: request.weight, category: request.category, value: request.value, currency: request.currency,
            fragile: request.isFragile, perishable: request.isPerishable, urgency: request.urgency,
            maxPrice: request.maxPrice, minRating: request.minTravelerRating, excludedTravelers: excluded,
            preferredTravelers: preferred)
    }
}
