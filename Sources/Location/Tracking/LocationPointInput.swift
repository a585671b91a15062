import Foundation
import Platform
import Vapor

/// One point as a phone sends it, alone (`tracking/update`, `track`) or in a batch.
public struct LocationPointInput: Content, Sendable {
    public var lat: Double?
    public var lng: Double?
    /// Metres (the radius of 68% confidence phones report).
    public var accuracy: Double?
    /// Metres per second.
    public var speed: Double?
    /// Degrees clockwise from north.
    public var bearing: Double?
    /// Metres above sea level.
    public var altitude: Double?
    /// Percent.
    public var batteryLevel: Int?
    public var networkType: String?
    /// When the phone took the point, ISO-8601.
    public var timestamp: String?
}

/// `POST /location/tracking/update` and `/location/track`: one point of a delivery.
public struct LocationUpdateInput: Content, Sendable {
    public var deliveryId: UUID?
    public var lat: Double?
    public var lng: Double?
    public var accuracy: Double?
    public var speed: Double?
    public var bearing: Double?
    public var altitude: Double?
    public var batteryLevel: Int?
    public var networkType: String?
    public var timestamp: String?

    var point: LocationPointInput {
        LocationPointInput(
            lat: lat, lng: lng, accuracy: accuracy, speed: speed, bearing: bearing, altitude: altitude,
            batteryLevel: batteryLevel, networkType: networkType, timestamp: timestamp)
    }
}

/// `POST /location/batch`: points a phone kept while offline, in any order.
public struct LocationBatchInput: Content, Sendable {
    public var deliveryId: UUID?
    public var points: [LocationPointInput]?
}

extension LocationPointInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] { PointRules.documented }
}

extension LocationUpdateInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        PointRules.documented.merging(["deliveryId": FieldRule.format("uuid").required]) { $1 }
    }
}

extension LocationBatchInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "deliveryId": FieldRule.format("uuid").required,
            "points": FieldRule.list(1...PointRules.batchLimit).required,
        ]
    }
}
