import Foundation

/// A circle on the earth that covers a shape, used to index fences.
public struct BoundingCircle: Codable, Sendable, Hashable {
    /// The circle's centre.
    public var center: Coordinate
    /// Great-circle radius in metres.
    public var radiusMeters: Double

    /// Creates a circle.
    public init(center: Coordinate, radiusMeters: Double) {
        self.center = center
        self.radiusMeters = radiusMeters
    }

    /// Whether `point` is within the circle grown by `marginMeters` (the boundary included).
    public func contains(_ point: Coordinate, marginMeters: Double = 0) -> Bool {
        GreatCircle.distanceMeters(center, point) <= radiusMeters + marginMeters
    }
}
