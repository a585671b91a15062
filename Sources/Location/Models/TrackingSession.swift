import Fluent
import Foundation
import Platform

/// A row of `tracking_sessions`: one booked delivery as the Location module knows it, and its live state.
public final class TrackingSession: Model, @unchecked Sendable {
    public static let schema = "tracking_sessions"

    // managed fields
    @ID(custom: "delivery_id", generatedBy: .user) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    // data fields
    @Field(key: "customer_id") public var customerId: UUID
    @Field(key: "traveler_id") public var travelerId: UUID
    /// The trip's `trip_type` (`car`, `flight`…): it bounds plausible speeds and gives the fallback ETA speed.
    @Field(key: "trip_type") public var tripType: String
    @Enum(key: "status") public var status: TrackingStatus
    @Enum(key: "phase") public var phase: TrackingPhase
    @Field(key: "pickup_lat") public var pickupLat: Double
    @Field(key: "pickup_lng") public var pickupLng: Double
    @Field(key: "drop_lat") public var dropLat: Double
    @Field(key: "drop_lng") public var dropLng: Double
    @OptionalField(key: "pickup_window_start") public var pickupWindowStart: Date?
    @OptionalField(key: "pickup_window_end") public var pickupWindowEnd: Date?
    @OptionalField(key: "drop_window_start") public var dropWindowStart: Date?
    @OptionalField(key: "drop_window_end") public var dropWindowEnd: Date?
    @OptionalField(key: "started_at") public var startedAt: Date?
    /// When the item was picked up: the customer's precise view of the track starts here.
    @OptionalField(key: "picked_up_at") public var pickedUpAt: Date?
    @OptionalField(key: "stopped_at") public var stoppedAt: Date?
    @OptionalField(key: "stop_reason") public var stopReason: String?
    @OptionalField(key: "live_lat") public var liveLat: Double?
    @OptionalField(key: "live_lng") public var liveLng: Double?
    @OptionalField(key: "live_accuracy") public var liveAccuracy: Double?
    @OptionalField(key: "live_speed") public var liveSpeed: Double?
    @OptionalField(key: "live_bearing") public var liveBearing: Double?
    /// The live position's own timestamp: a point older than this never moves it.
    @OptionalField(key: "live_at") public var liveAt: Date?
    /// When the server last heard from the device (for the silence timeout).
    @OptionalField(key: "last_received_at") public var lastReceivedAt: Date?
    @Field(key: "distance_meters") public var distanceMeters: Double
    @Field(key: "point_count") public var pointCount: Int
    @Field(key: "flagged_count") public var flaggedCount: Int
    @OptionalField(key: "eta_seconds") public var etaSeconds: Int?
    /// Tracking options the traveler chose at start (interval, battery mode).
    @Field(key: "settings") public var settings: [String: JSONValue]

    public init() {}

    public var deliveryId: UUID { id ?? UUID() }
    public var pickup: GeoPoint { GeoPoint(lat: pickupLat, lng: pickupLng) }
    public var drop: GeoPoint { GeoPoint(lat: dropLat, lng: dropLng) }

    /// The live position, when there is one.
    public var live: GeoPoint? {
        guard let liveLat, let liveLng else { return nil }
        return GeoPoint(lat: liveLat, lng: liveLng)
    }

    /// The stop the traveler heads for now.
    public var nextStop: GeoPoint { phase == .toPickup ? pickup : drop }

    /// Whether `userId` is the delivery's customer or traveler.
    public func isParty(_ userId: UUID) -> Bool { userId == customerId || userId == travelerId }
}
