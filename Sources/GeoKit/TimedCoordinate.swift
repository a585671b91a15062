import Foundation

/// A position fix: where a device was, and when.
public struct TimedCoordinate: Codable, Sendable, Hashable {
    /// The position.
    public var coordinate: Coordinate
    /// The time of the fix in seconds from any fixed origin (for example the Unix epoch).
    public var seconds: Double

    /// Creates a fix.
    public init(coordinate: Coordinate, seconds: Double) {
        self.coordinate = coordinate
        self.seconds = seconds
    }
}
