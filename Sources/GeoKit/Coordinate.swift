import Foundation

/// A point on the earth's surface in WGS-84 degrees.
public struct Coordinate: Codable, Sendable, Hashable {
    /// Latitude in degrees, positive north, valid in -90...90.
    public var lat: Double
    /// Longitude in degrees, positive east, valid in -180...180.
    public var lng: Double

    /// Creates a coordinate without checking it; see `isValid`.
    public init(lat: Double, lng: Double) {
        self.lat = lat
        self.lng = lng
    }

    /// Whether both values are finite and inside their ranges.
    public var isValid: Bool {
        lat.isFinite && lng.isFinite && (-90...90).contains(lat) && (-180...180).contains(lng)
    }

    /// Latitude in radians.
    var latRadians: Double { lat * .pi / 180 }
    /// Longitude in radians.
    var lngRadians: Double { lng * .pi / 180 }
}
