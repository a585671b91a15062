import Auth
import Fluent
import Foundation
import Platform

/// A journey a traveler takes anyway, with the spare capacity they sell on it (`trips`).
///
/// Money columns hold minor units of `currency`; capacities are kilograms, litres and items. The schema's
/// geography columns are `{ lat, lng }` JSON plus plain latitude/longitude copies that indexes can use.
public final class Trip: Model, @unchecked Sendable {
    public static let schema = "trips"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Parent(key: "traveler_id") public var traveler: User
    @Field(key: "title") public var title: String
    @OptionalField(key: "description") public var description: String?
    @Enum(key: "trip_type") public var tripType: TripType
    @Enum(key: "status") public var status: TripStatus

    @Field(key: "origin_address") public var originAddress: String
    @Field(key: "origin_coordinates") public private(set) var originCoordinates: GeoPoint
    @Field(key: "origin_lat") public private(set) var originLat: Double
    @Field(key: "origin_lng") public private(set) var originLng: Double
    @OptionalField(key: "origin_airport") public var originAirport: String?
    @OptionalField(key: "origin_terminal") public var originTerminal: String?
    @OptionalField(key: "origin_details") public var originDetails: String?
    @Field(key: "destination_address") public var destinationAddress: String
    @Field(key: "destination_coordinates") public private(set) var destinationCoordinates: GeoPoint
    @Field(key: "destination_lat") public private(set) var destinationLat: Double
    @Field(key: "destination_lng") public private(set) var destinationLng: Double
    @OptionalField(key: "destination_airport") public var destinationAirport: String?
    @OptionalField(key: "destination_terminal") public var destinationTerminal: String?
    @OptionalField(key: "destination_details") public var destinationDetails: String?
    /// Great-circle distance between origin and destination; not in the seed schema, used by pricing.
    @Field(key: "distance_km") public private(set) var distanceKm: Double

    @Field(key: "departure_time") public var departureTime: Date
    @Field(key: "arrival_time") public var arrivalTime: Date
    /// Minutes between departure and arrival.
    @Field(key: "estimated_duration") public var estimatedDuration: Int
    @OptionalField(key: "actual_departure_time") public var actualDepartureTime: Date?
    @OptionalField(key: "actual_arrival_time") public var actualArrivalTime: Date?

    @Field(key: "weight_capacity") public var weightCapacity: Double
    @Field(key: "volume_capacity") public var volumeCapacity: Double
    @Field(key: "item_capacity") public var itemCapacity: Int
    @Field(key: "available_weight") public var availableWeight: Double
    @Field(key: "available_volume") public var availableVolume: Double
    @Field(key: "available_items") public var availableItems: Int

    /// ISO 4217 code of every price on the trip; not in the seed schema, which has no currency per row.
    @Field(key: "currency") public var currency: String
    @Field(key: "base_price") public var basePrice: Int64
    @Field(key: "price_per_kg") public var pricePerKg: Int64
    @Field(key: "price_per_km") public var pricePerKm: Int64
    @Field(key: "express_multiplier") public var expressMultiplier: Double
    @Field(key: "fragile_multiplier") public var fragileMultiplier: Double

    @Field(key: "restrictions") public var restrictions: TripRestrictions
    @Field(key: "preferences") public var preferences: [String: JSONValue]
    @Field(key: "is_recurring") public var isRecurring: Bool
    @OptionalField(key: "recurring_pattern") public var recurringPattern: RecurringPattern?
    @OptionalParent(key: "parent_trip_id") public var parentTrip: Trip?
    @Enum(key: "visibility") public var visibility: TripVisibility
    @Field(key: "auto_accept") public var autoAccept: Bool
    @OptionalField(key: "auto_accept_price") public var autoAcceptPrice: Int64?
    @Field(key: "tags") public var tags: [String]
    @OptionalField(key: "cancelled_at") public var cancelledAt: Date?
    @OptionalField(key: "cancellation_reason") public var cancellationReason: String?

    public init() {}

    public init(travelerId: UUID) {
        self.$traveler.id = travelerId
        self.status = .upcoming
        self.preferences = [:]
        self.restrictions = TripRestrictions()
        self.isRecurring = false
        self.visibility = .public
        self.autoAccept = false
        self.tags = []
    }

    /// The only way to set the route, so the indexed copies and the distance never drift.
    public func route(from origin: GeoPoint, to destination: GeoPoint) {
        originCoordinates = origin
        originLat = origin.lat
        originLng = origin.lng
        destinationCoordinates = destination
        destinationLat = destination.lat
        destinationLng = destination.lng
        distanceKm = origin.distanceKm(to: destination)
    }

    /// Sets departure and arrival, and the duration between them.
    public func schedule(departure: Date, arrival: Date) {
        departureTime = departure
        arrivalTime = arrival
        estimatedDuration = Int((arrival.timeIntervalSince(departure) / 60).rounded())
    }

    public var priceCurrency: Currency { Currency(code: currency) ?? .eur }

    /// What is reserved: capacity minus what is still available.
    public var reservedWeight: Double { max(0, weightCapacity - availableWeight) }
    public var reservedVolume: Double { max(0, volumeCapacity - availableVolume) }
    public var reservedItems: Int { max(0, itemCapacity - availableItems) }
}
