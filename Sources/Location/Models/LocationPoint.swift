import Fluent
import Foundation
import Platform

/// A row of `location_tracking`: one point a traveler's phone posted.
public final class LocationPoint: Model, @unchecked Sendable {
    public static let schema = "location_tracking"

    @ID(key: .id) public var id: UUID?
    @Field(key: "delivery_id") public var deliveryId: UUID
    @Field(key: "user_id") public var userId: UUID
    @Field(key: "latitude") public var latitude: Double
    @Field(key: "longitude") public var longitude: Double
    @OptionalField(key: "accuracy") public var accuracy: Double?
    @OptionalField(key: "altitude") public var altitude: Double?
    @OptionalField(key: "bearing") public var bearing: Double?
    @OptionalField(key: "speed") public var speed: Double?
    @OptionalField(key: "battery_level") public var batteryLevel: Int?
    @OptionalField(key: "network_type") public var networkType: String?
    /// When the phone took the point (its own clock).
    @Field(key: "timestamp") public var timestamp: Date
    /// Why the point is kept but not trusted (`impossible_speed`, `low_accuracy`); nil for a trusted point.
    @OptionalField(key: "flag") public var flag: String?
    /// `live` (one by one) or `batch` (offline sync).
    @Field(key: "source") public var source: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var coordinate: GeoPoint { GeoPoint(lat: latitude, lng: longitude) }
}
