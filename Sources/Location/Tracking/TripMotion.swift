import Foundation

/// How fast a trip of each type can go: the ceiling above which a jump between two points is impossible
/// (flagged, not trusted) and the cruising speed an ETA falls back on when the track says too little.
public struct TripMotion: Sendable, Equatable {
    /// Metres per second no vehicle of the type exceeds (with room for GPS error).
    public var maximumMetersPerSecond: Double
    /// Metres per second door to door, stops included, when recent points give no speed.
    public var typicalMetersPerSecond: Double

    /// The motion of a `trip_type`; unknown types move like `other` (by road).
    public static func of(_ tripType: String) -> TripMotion {
        switch tripType {
        case "flight": TripMotion(maximumMetersPerSecond: 300, typicalMetersPerSecond: 180)  // 1,080 / 650 km/h
        case "train": TripMotion(maximumMetersPerSecond: 100, typicalMetersPerSecond: 25)  // 360 / 90 km/h
        case "bus": TripMotion(maximumMetersPerSecond: 45, typicalMetersPerSecond: 14)  // 160 / 50 km/h
        case "ferry": TripMotion(maximumMetersPerSecond: 30, typicalMetersPerSecond: 9)  // 108 / 32 km/h
        case "car": TripMotion(maximumMetersPerSecond: 70, typicalMetersPerSecond: 17)  // 250 / 60 km/h
        default: TripMotion(maximumMetersPerSecond: 70, typicalMetersPerSecond: 14)
        }
    }
}
