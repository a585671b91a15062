import Foundation
import Platform

/// A point that passed validation, with its own timestamp.
public struct LocationFix: Sendable, Equatable {
    public var coordinate: GeoPoint
    public var accuracy: Double?
    public var speed: Double?
    public var bearing: Double?
    public var altitude: Double?
    public var batteryLevel: Int?
    public var networkType: String?
    public var at: Date

    public init(
        coordinate: GeoPoint, accuracy: Double? = nil, speed: Double? = nil, bearing: Double? = nil,
        altitude: Double? = nil, batteryLevel: Int? = nil, networkType: String? = nil, at: Date
    ) {
        self.coordinate = coordinate
        self.accuracy = accuracy
        self.speed = speed
        self.bearing = bearing
        self.altitude = altitude
        self.batteryLevel = batteryLevel
        self.networkType = networkType
        self.at = at
    }
}

/// What a posted point must satisfy; each broken rule is one 422 detail, and a batch with any bad point stores
/// nothing.
public enum PointRules {
    /// Most points one batch may carry.
    public static let batchLimit = 1_000
    /// A phone's clock may run this far ahead of the server's; beyond it a point is in the future.
    public static let clockSkew: TimeInterval = 5
    /// Points older than this are refused: offline sync is for the journey at hand.
    public static let oldestAge: TimeInterval = 7 * 24 * 3600
    static let accuracyRange = 0.0...10_000
    /// No vehicle the platform carries items on goes faster than sound.
    static let speedRange = 0.0...343
    static let bearingRange = 0.0...360
    static let altitudeRange = -500.0...20_000
    static let networkTypes = ["wifi", "cellular", "2g", "3g", "4g", "5g", "ethernet", "offline", "unknown"]

    static var documented: [String: FieldRule] {
        [
            "lat": FieldRule.number(-90...90).required, "lng": FieldRule.number(-180...180).required,
            "accuracy": .number(accuracyRange), "speed": .number(speedRange), "bearing": .number(bearingRange),
            "altitude": .number(altitudeRange), "batteryLevel": .integer(0...100),
            "networkType": .oneOf(networkTypes),
            "timestamp": FieldRule.format("date-time").required.described("not in the future, at most 7 days old"),
        ]
    }

    /// Validates `points` (named `points[i]` when `indexed`); throws 422 listing every broken rule.
    public static func validate(_ points: [LocationPointInput], indexed: Bool, now: Date) throws -> [LocationFix] {
        var check = RuleCheck()
        var fixes: [LocationFix] = []
        fixes.reserveCapacity(points.count)
        for (index, point) in points.enumerated() {
            let prefix = indexed ? "points[\(index)]." : ""
            if let fix = validate(point, prefix: prefix, now: now, into: &check) { fixes.append(fix) }
        }
        try check.throwIfBroken()
        return fixes
    }

    private static func validate(
        _ point: LocationPointInput, prefix: String, now: Date, into check: inout RuleCheck
    ) -> LocationFix? {
        let before = check.problems.count
        if let lat = point.lat {
            check.require(lat.isFinite && (-90...90).contains(lat), "\(prefix)lat must be between -90 and 90")
        } else {
            check.fail("\(prefix)lat is required")
        }
        if let lng = point.lng {
            check.require(lng.isFinite && (-180...180).contains(lng), "\(prefix)lng must be between -180 and 180")
        } else {
            check.fail("\(prefix)lng is required")
        }
        bound(point.accuracy, accuracyRange, "\(prefix)accuracy", "metres", &check)
        bound(point.speed, speedRange, "\(prefix)speed", "metres per second", &check)
        bound(point.bearing, bearingRange, "\(prefix)bearing", "degrees", &check)
        bound(point.altitude, altitudeRange, "\(prefix)altitude", "metres", &check)
        if let battery = point.batteryLevel {
            check.require((0...100).contains(battery), "\(prefix)batteryLevel must be between 0 and 100")
        }
        if let network = point.networkType {
            check.require(
                networkTypes.contains(network),
                "\(prefix)networkType must be one of \(networkTypes.joined(separator: ", "))")
        }
        let at = ISOTimestamp.parse(point.timestamp, field: "\(prefix)timestamp", into: &check)
        if let at {
            check.require(at <= now.addingTimeInterval(clockSkew), "\(prefix)timestamp must not be in the future")
            check.require(at >= now.addingTimeInterval(-oldestAge), "\(prefix)timestamp must be at most 7 days old")
        }
        guard check.problems.count == before, let lat = point.lat, let lng = point.lng, let at else { return nil }
        return LocationFix(
            coordinate: GeoPoint(lat: lat, lng: lng), accuracy: point.accuracy, speed: point.speed,
            bearing: point.bearing.map { $0 == 360 ? 0 : $0 }, altitude: point.altitude,
            batteryLevel: point.batteryLevel, networkType: point.networkType, at: at)
    }

    private static func bound(
        _ value: Double?, _ range: ClosedRange<Double>, _ field: String, _ unit: String, _ check: inout RuleCheck
    ) {
        guard let value else { return }
        check.require(
            value.isFinite && range.contains(value),
            "\(field) must be between \(format(range.lowerBound)) and \(format(range.upperBound)) \(unit)")
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
