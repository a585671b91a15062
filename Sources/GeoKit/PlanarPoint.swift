import Foundation

/// A point of a local flat projection, in metres east and north of the projection's reference.
public struct PlanarPoint: Codable, Sendable, Hashable {
    /// Metres east of the reference (negative is west).
    public var eastMeters: Double
    /// Metres north of the reference (negative is south).
    public var northMeters: Double

    /// Creates a point from its offsets.
    public init(eastMeters: Double, northMeters: Double) {
        self.eastMeters = eastMeters
        self.northMeters = northMeters
    }

    /// Straight-line distance in the plane.
    public func distanceMeters(to other: PlanarPoint) -> Double {
        hypot(other.eastMeters - eastMeters, other.northMeters - northMeters)
    }
}
