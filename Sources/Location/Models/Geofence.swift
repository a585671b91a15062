import Fluent
import Foundation
import GeoKit
import Platform

/// A row of `geofences`: a circle or polygon whose crossings by a tracked delivery become events.
public final class Geofence: Model, @unchecked Sendable {
    public static let schema = "geofences"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @Field(key: "version") public var version: Int

    // data fields
    @Field(key: "name") public var name: String
    @Enum(key: "type") public var type: GeofenceType
    /// The delivery whose crossings it watches; nil for a fence that watches its owner's deliveries (or, made
    /// by an admin, every delivery).
    @OptionalField(key: "delivery_id") public var deliveryId: UUID?
    @OptionalField(key: "owner_id") public var ownerId: UUID?
    @Enum(key: "geometry_type") public var geometry: GeofenceGeometry
    @Field(key: "center_coordinates") public var centerCoordinates: GeoPoint
    @Field(key: "center_lat") public var centerLat: Double
    @Field(key: "center_lng") public var centerLng: Double
    /// Metres, for a circle.
    @OptionalField(key: "radius") public var radius: Int?
    @OptionalField(key: "polygon_coordinates") public var polygonCoordinates: [GeoPoint]?
    /// Metres from the centre that hold the whole shape: what the spatial index files it under.
    @Field(key: "bounding_radius") public var boundingRadius: Double
    /// Metres beyond the boundary a device must go before it counts as having left.
    @Field(key: "exit_margin") public var exitMargin: Int
    /// Seconds inside before a `dwell` event; 0 for none.
    @Field(key: "dwell_seconds") public var dwellSeconds: Int
    /// Which crossings notify (`{"enter":true,"exit":true,"dwell":false}`) and any message options.
    @Field(key: "notifications") public var notifications: [String: JSONValue]
    @Field(key: "active") public var active: Bool
    @OptionalField(key: "start_time") public var startTime: Date?
    @OptionalField(key: "end_time") public var endTime: Date?
    @OptionalField(key: "timezone") public var timezone: String?
    @Field(key: "metadata") public var metadata: [String: JSONValue]

    public init() {}

    /// The fence's shape for the geometry rules; nil for a stored shape that no longer validates.
    public var shape: FenceShape? {
        switch geometry {
        case .circle:
            return .circle(center: Coordinate(lat: centerLat, lng: centerLng), radiusMeters: Double(radius ?? 0))
        case .polygon:
            let vertices = (polygonCoordinates ?? []).map { Coordinate(lat: $0.lat, lng: $0.lng) }
            return (try? GeoPolygon(vertices: vertices)).map(FenceShape.polygon)
        }
    }

    /// Whether the fence watches crossings at `date` (active and inside its optional time window).
    public func isLive(at date: Date) -> Bool {
        active && (startTime.map { $0 <= date } ?? true) && (endTime.map { date < $0 } ?? true)
    }
}

/// A row of `geofence_events`: a device entered, left, or stayed in a fence.
public final class GeofenceEvent: Model, @unchecked Sendable {
    public static let schema = "geofence_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "geofence_id") public var geofenceId: UUID
    @Field(key: "user_id") public var userId: UUID
    @OptionalField(key: "delivery_id") public var deliveryId: UUID?
    @Enum(key: "event_type") public var type: GeofenceEventType
    @Field(key: "latitude") public var latitude: Double
    @Field(key: "longitude") public var longitude: Double
    /// Seconds spent inside, for `exit` and `dwell`.
    @OptionalField(key: "dwell_time") public var dwellTime: Int?
    /// `silence` for an exit the platform concluded because the device stopped reporting.
    @OptionalField(key: "reason") public var reason: String?
    /// The timestamp of the point that caused it (the phone's clock), or the time the silence was noticed.
    @Field(key: "triggered_at") public var triggeredAt: Date
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
