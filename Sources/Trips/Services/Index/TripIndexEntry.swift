import Foundation
import Platform

/// What matching needs to know about one bookable trip, packed small: a million of these stay in memory.
public struct TripIndexEntry: Sendable, Equatable {
    public var id: UUID
    public var travelerId: UUID
    public var originLat: Double
    public var originLng: Double
    public var destinationLat: Double
    public var destinationLng: Double
    /// Seconds since 1970, so the bucket's binary search compares plain numbers.
    public var departure: Double
    public var arrival: Double
    public var availableWeight: Float
    public var availableVolume: Float
    public var availableItems: Int32
    public var distanceKm: Float
    public var currency: String
    public var basePrice: Int64
    public var pricePerKg: Int64
    public var pricePerKm: Int64
    public var expressMultiplier: Float
    public var fragileMultiplier: Float
    /// One bit per `ItemCategory` (in `allCases` order); all bits set when every category is accepted.
    public var categories: UInt32
    /// Minor units; `Int64.max` when unlimited.
    public var maxItemValue: Int64
    /// Kilograms; `.infinity` when only capacity limits it.
    public var maxItemWeight: Float
    public var fragileOk: Bool
    public var perishableOk: Bool

    public var origin: GeoPoint { GeoPoint(lat: originLat, lng: originLng) }
    public var destination: GeoPoint { GeoPoint(lat: destinationLat, lng: destinationLng) }
    public var departureTime: Date { Date(timeIntervalSince1970: departure) }
    public var arrivalTime: Date { Date(timeIntervalSince1970: arrival) }

    public func accepts(_ category: ItemCategory) -> Bool {
        categories & Self.bit(category) != 0
    }

    static func bit(_ category: ItemCategory) -> UInt32 {
        1 << UInt32(ItemCategory.allCases.firstIndex(of: category) ?? 0)
    }

    static func mask(_ accepted: [ItemCategory]) -> UInt32 {
        accepted.isEmpty ? UInt32.max : accepted.reduce(0) { $0 | bit($1) }
    }
}

extension TripIndexEntry {
    public init(_ trip: Trip) throws {
        self.init(
            id: try trip.requireID(), travelerId: trip.$traveler.id, originLat: trip.originLat,
            originLng: trip.originLng, destinationLat: trip.destinationLat, destinationLng: trip.destinationLng,
            departure: trip.departureTime.timeIntervalSince1970, arrival: trip.arrivalTime.timeIntervalSince1970,
            availableWeight: Float(trip.availableWeight), availableVolume: Float(trip.availableVolume),
            availableItems: Int32(trip.availableItems), distanceKm: Float(trip.distanceKm), currency: trip.currency,
            basePrice: trip.basePrice, pricePerKg: trip.pricePerKg, pricePerKm: trip.pricePerKm,
            expressMultiplier: Float(trip.expressMultiplier), fragileMultiplier: Float(trip.fragileMultiplier),
            restrictions: trip.restrictions)
    }

    public init(
        id: UUID, travelerId: UUID, originLat: Double, originLng: Double, destinationLat: Double,
        destinationLng: Double, departure: Double, arrival: Double, availableWeight: Float, availableVolume: Float,
        availableItems: Int32, distanceKm: Float, currency: String, basePrice: Int64, pricePerKg: Int64,
        pricePerKm: Int64, expressMultiplier: Float, fragileMultiplier: Float, restrictions: TripRestrictions
    ) {
        self.id = id
        self.travelerId = travelerId
        self.originLat = originLat
        self.originLng = originLng
        self.destinationLat = destinationLat
        self.destinationLng = destinationLng
        self.departure = departure
        self.arrival = arrival
        self.availableWeight = availableWeight
        self.availableVolume = availableVolume
        self.availableItems = availableItems
        self.distanceKm = distanceKm
        self.currency = currency
        self.basePrice = basePrice
        self.pricePerKg = pricePerKg
        self.pricePerKm = pricePerKm
        self.expressMultiplier = expressMultiplier
        self.fragileMultiplier = fragileMultiplier
        self.categories = Self.mask(restrictions.acceptedCategories)
        self.maxItemValue = restrictions.maxItemValue ?? .max
        self.maxItemWeight = restrictions.maxItemWeight.map(Float.init) ?? .infinity
        self.fragileOk = restrictions.fragileOk
        self.perishableOk = restrictions.perishableOk
    }
}
