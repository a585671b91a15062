import Foundation

/// An equirectangular projection around a reference coordinate, for short-range geometry in metres.
///
/// East offsets are scaled by the cosine of the reference latitude, so lengths are accurate to well under a percent
/// within a few tens of kilometres of the reference away from the poles. Longitude differences are wrapped, so a
/// shape straddling ±180° projects as one piece. Because the projection is linear in latitude and longitude,
/// straight lines in degree space stay straight, which keeps point-in-polygon answers exact at the boundary.
public struct LocalProjection: Sendable, Hashable {
    /// The coordinate that projects to the origin.
    public let reference: Coordinate
    /// Metres per degree of longitude at the reference latitude.
    let metersPerDegreeEast: Double
    /// Metres per degree of latitude.
    static let metersPerDegreeNorth = GreatCircle.earthRadiusMeters * .pi / 180

    /// Creates the projection around `reference`.
    ///
    /// At a pole the east scale would be zero and the inverse undefined, so it is floored at that of 89.999°.
    public init(reference: Coordinate) {
        self.reference = reference
        let minimumCosine = cos(89.999 * Double.pi / 180)
        metersPerDegreeEast = Self.metersPerDegreeNorth * max(minimumCosine, cos(reference.latRadians))
    }

    /// Projects a coordinate to metres east and north of the reference.
    public func project(_ coordinate: Coordinate) -> PlanarPoint {
        PlanarPoint(
            eastMeters: Angle.wrappedDegrees(coordinate.lng - reference.lng) * metersPerDegreeEast,
            northMeters: (coordinate.lat - reference.lat) * Self.metersPerDegreeNorth)
    }

    /// Maps a projected point back to a coordinate, with its longitude wrapped into -180..<180.
    public func unproject(_ point: PlanarPoint) -> Coordinate {
        Coordinate(
            lat: reference.lat + point.northMeters / Self.metersPerDegreeNorth,
            lng: Angle.wrappedDegrees(reference.lng + point.eastMeters / metersPerDegreeEast))
    }
}
