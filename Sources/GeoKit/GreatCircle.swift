import Foundation

/// Great-circle geometry on a spherical earth: distance, bearing and destination.
public enum GreatCircle {
    /// Mean earth radius (IUGG) used by every great-circle computation of the platform.
    public static let earthRadiusMeters = 6_371_008.8

    /// Haversine distance in metres.
    ///
    /// The final step uses `atan2(√a, √(1−a))`, which equals the classic `asin(√a)` but keeps its precision near
    /// antipodal points, where `asin` is flat; `a` is clamped because rounding can push it a hair past 1.
    public static func distanceMeters(_ from: Coordinate, _ to: Coordinate) -> Double {
        let lat1 = from.latRadians
        let lat2 = to.latRadians
        // Differences are taken in degrees before converting: subtracting two converted values would round away
        // the low digits that make up a sub-millimetre distance.
        let sinHalfLat = sin((to.lat - from.lat) * .pi / 360)
        let sinHalfLng = sin((to.lng - from.lng) * .pi / 360)
        let a = min(1, max(0, sinHalfLat * sinHalfLat + cos(lat1) * cos(lat2) * sinHalfLng * sinHalfLng))
        return 2 * earthRadiusMeters * atan2(a.squareRoot(), (1 - a).squareRoot())
    }

    /// Initial bearing (forward azimuth) from `from` towards `to`, in degrees clockwise from north, in 0..<360.
    ///
    /// Identical points give 0, as does any start at a pole, where every direction is south or north.
    public static func initialBearingDegrees(_ from: Coordinate, _ to: Coordinate) -> Double {
        let lat1 = from.latRadians
        let lat2 = to.latRadians
        let deltaLng = to.lngRadians - from.lngRadians
        let y = sin(deltaLng) * cos(lat2)
        let x = cos(lat1) * sin(lat2) - sin(lat1) * cos(lat2) * cos(deltaLng)
        guard x != 0 || y != 0 else { return 0 }
        return Angle.bearingDegrees(atan2(y, x) * 180 / .pi)
    }

    /// The point reached by travelling `distanceMeters` along a great circle from `from` at the given bearing.
    ///
    /// The returned longitude is wrapped into -180..<180.
    public static func destination(from: Coordinate, bearingDegrees: Double, distanceMeters: Double) -> Coordinate {
        let angular = distanceMeters / earthRadiusMeters
        let bearing = bearingDegrees * .pi / 180
        let lat1 = from.latRadians
        let sinLat2 = sin(lat1) * cos(angular) + cos(lat1) * sin(angular) * cos(bearing)
        let lat2 = asin(min(1, max(-1, sinLat2)))
        let lng2 =
            from.lngRadians
            + atan2(sin(bearing) * sin(angular) * cos(lat1), cos(angular) - sin(lat1) * sinLat2)
        return Coordinate(lat: lat2 * 180 / .pi, lng: Angle.wrappedDegrees(lng2 * 180 / .pi))
    }
}
