import Foundation

/// A point on the earth's surface in WGS-84 degrees.
public struct GeoPoint: Codable, Sendable, Hashable {
    public var lat: Double
    public var lng: Double

    public init(lat: Double, lng: Double) {
        self.lat = lat
        self.lng = lng
    }

    /// Mean earth radius used by every great-circle computation of the platform.
    public static let earthRadiusKm = 6371.0088

    /// Whether both coordinates are finite and inside their ranges.
    public var isValid: Bool {
        lat.isFinite && lng.isFinite && (-90...90).contains(lat) && (-180...180).contains(lng)
    }

    /// Great-circle distance in kilometres (haversine).
    public func distanceKm(to other: GeoPoint) -> Double {
        let dLat = (other.lat - lat) * .pi / 180
        let dLng = (other.lng - lng) * .pi / 180
        let lat1 = lat * .pi / 180
        let lat2 = other.lat * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLng / 2) * sin(dLng / 2)
        return 2 * GeoPoint.earthRadiusKm * asin(min(1, sqrt(a)))
    }
}

extension GeoPoint: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        ["lat": .number(-90...90), "lng": .number(-180...180)]
    }
}
