import Foundation

/// The area of a geofence: a circle or a polygon.
public enum FenceShape: Codable, Sendable, Hashable {
    /// Every point within `radiusMeters` (great-circle) of `center`.
    case circle(center: Coordinate, radiusMeters: Double)
    /// The inside of a validated polygon.
    case polygon(GeoPolygon)

    /// Metres to the boundary, negative inside and positive outside; the boundary itself is 0.
    ///
    /// One sign convention for both kinds lets hysteresis be written once: "entered when ≤ 0, exited when
    /// > margin". Inside, the magnitude is the depth to the nearest edge, so a margin also works for leaving.
    public func signedDistanceMeters(to point: Coordinate) -> Double {
        switch self {
        case .circle(let center, let radiusMeters):
            return GreatCircle.distanceMeters(center, point) - radiusMeters
        case .polygon(let polygon):
            let distance = polygon.distanceToBoundaryMeters(point)
            if distance <= GeoPolygon.boundaryToleranceMeters { return 0 }
            return polygon.contains(point) ? -distance : distance
        }
    }

    /// Whether `point` is inside or on the boundary.
    public func contains(_ point: Coordinate) -> Bool {
        signedDistanceMeters(to: point) <= 0
    }

    /// A circle covering the shape, for `SpatialGrid`.
    ///
    /// A polygon's edges are straight in its projection rather than great-circle arcs, and the projection's scale
    /// drifts away from its reference, so the polygon's radius is grown by 1% and a metre to cover it for sure.
    public var boundingCircle: BoundingCircle {
        switch self {
        case .circle(let center, let radiusMeters):
            BoundingCircle(center: center, radiusMeters: max(0, radiusMeters))
        case .polygon(let polygon):
            BoundingCircle(center: polygon.centroid, radiusMeters: polygon.boundingRadiusMeters * 1.01 + 1)
        }
    }
}
