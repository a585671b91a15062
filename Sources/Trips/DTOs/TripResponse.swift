import Foundation
import Platform
import Users
import Vapor

/// A trip as the API shows it. The traveler's auto-accept threshold is shown to the traveler only.
public struct TripResponse: Content, Sendable {
    public struct Place: Content, Sendable {
        public var address: String
        public var coordinates: GeoPoint
        public var airport: String?
        public var terminal: String?
        public var details: String?
    }

    public struct Pricing: Content, Sendable {
        public var currency: String
        public var basePrice: Money
        public var pricePerKg: Money
        public var pricePerKm: Money
        public var expressMultiplier: Double
        public var fragileMultiplier: Double
    }

    public var id: UUID
    public var travelerId: UUID
    public var traveler: MemberDirectory.Summary?
    public var title: String
    public var description: String?
    public var tripType: TripType
    public var status: TripStatus
    public var origin: Place
    public var destination: Place
    public var distanceKm: Double
    public var departureTime: Date
    public var arrivalTime: Date
    public var estimatedDuration: Int
    public var actualDepartureTime: Date?
    public var actualArrivalTime: Date?
    public var capacity: CapacityAmount
    public var availableCapacity: CapacityAmount
    public var reservedCapacity: CapacityAmount
    public var pricing: Pricing
    public var restrictions: TripRestrictions
    public var preferences: [String: JSONValue]
    public var isRecurring: Bool
    public var recurringPattern: RecurringPattern?
    public var parentTripId: UUID?
    public var visibility: TripVisibility
    public var autoAccept: Bool
    public var autoAcceptPrice: Money?
    public var tags: [String]
    public var createdAt: Date?
    public var updatedAt: Date?
    public var cancelledAt: Date?
    public var cancellationReason: String?

    public init(_ trip: Trip, viewer: UUID?, traveler: MemberDirectory.Summary? = nil) throws {
        id = try trip.requireID()
        travelerId = trip.$traveler.id
        self.traveler = traveler
        title = trip.title
        description = trip.description
        tripType = trip.tripType
        status = trip.status
        origin = Place(trip.originPlace)
        destination = Place(trip.destinationPlace)
        distanceKm = (trip.distanceKm * 10).rounded() / 10
        departureTime = trip.departureTime
        arrivalTime = trip.arrivalTime
        estimatedDuration = trip.estimatedDuration
        actualDepartureTime = trip.actualDepartureTime
        actualArrivalTime = trip.actualArrivalTime
        capacity = CapacityAmount(weight: trip.weightCapacity, volume: trip.volumeCapacity, items: trip.itemCapacity)
        availableCapacity = trip.available
        reservedCapacity = CapacityAmount(
            weight: trip.reservedWeight.roundedCapacity, volume: trip.reservedVolume.roundedCapacity,
            items: trip.reservedItems)
        let currency = trip.priceCurrency
        pricing = Pricing(
            currency: currency.code, basePrice: Money(amount: trip.basePrice, currency: currency),
            pricePerKg: Money(amount: trip.pricePerKg, currency: currency),
            pricePerKm: Money(amount: trip.pricePerKm, currency: currency),
            expressMultiplier: trip.expressMultiplier, fragileMultiplier: trip.fragileMultiplier)
        restrictions = trip.restrictions
        preferences = trip.preferences
        isRecurring = trip.isRecurring
        recurringPattern = trip.recurringPattern
        parentTripId = trip.$parentTrip.id
        visibility = trip.visibility
        autoAccept = trip.autoAccept
        if viewer == travelerId {
            autoAcceptPrice = trip.autoAcceptPrice.map { Money(amount: $0, currency: currency) }
        }
        tags = trip.tags
        createdAt = trip.createdAt
        updatedAt = trip.updatedAt
        cancelledAt = trip.cancelledAt
        cancellationReason = trip.cancellationReason
    }
}

extension TripResponse.Place {
    init(_ place: TripPlace) {
        self.init(
            address: place.address, coordinates: place.coordinates, airport: place.airport, terminal: place.terminal,
            details: place.details)
    }
}
