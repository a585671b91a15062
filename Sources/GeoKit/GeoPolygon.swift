import Foundation

/// A simple polygon on the earth's surface, small enough to be handled in one local projection (a geofence).
///
/// Geometry is computed in a `LocalProjection` around the mean of the vertices, so it is accurate for shapes
/// spanning up to some tens of kilometres; the polygon may straddle the antimeridian.
public struct GeoPolygon: Sendable, Hashable {
    /// The largest accepted number of vertices, which keeps the quadratic crossing check cheap.
    public static let maximumVertexCount = 1_000

    /// The ring's vertices in order, without a repeated closing vertex.
    public let vertices: [Coordinate]
    /// The projection every computation of this polygon uses.
    public let projection: LocalProjection
    /// The vertices in `projection`.
    let planarVertices: [PlanarPoint]

    /// Distance under which a point counts as lying on the boundary, absorbing projection rounding.
    static let boundaryToleranceMeters = 0.001

    /// Validates and creates a polygon; a last vertex equal to the first (GeoJSON style) is dropped.
    ///
    /// - Throws: the first `Problem` found, checked in the order the cases are declared.
    public init(vertices: [Coordinate]) throws(Problem) {
        var ring = vertices
        if ring.count > 1, ring.first == ring.last { ring.removeLast() }
        guard ring.count >= 3 else { throw .tooFewVertices(count: ring.count) }
        guard ring.count <= Self.maximumVertexCount else { throw .tooManyVertices(count: ring.count) }
        if let index = ring.firstIndex(where: { !$0.isValid }) { throw .invalidVertex(index: index) }
        for index in 1..<ring.count where ring[index] == ring[index - 1] { throw .repeatedVertex(index: index) }

        let projection = LocalProjection(reference: Self.meanCoordinate(of: ring))
        let planar = ring.map(projection.project)
        if let (first, second) = Self.firstCrossing(in: planar) { throw .crossingEdges(first: first, second: second) }
        let extent = Self.diagonalMeters(of: planar)
        // Collinear rings still leave rounding residue, so "no area" is judged relative to the shape's size.
        guard abs(Self.signedArea(of: planar)) > 1e-9 * extent * extent else { throw .noArea }
        self.vertices = ring
        self.projection = projection
        self.planarVertices = planar
    }

    /// The enclosed area in square metres.
    public var areaSquareMeters: Double { abs(Self.signedArea(of: planarVertices)) }

    /// The area-weighted centre of the polygon (inside it for convex shapes, possibly outside for concave ones).
    public var centroid: Coordinate {
        let area = Self.signedArea(of: planarVertices)
        var east = 0.0
        var north = 0.0
        for (a, b) in edges {
            let weight = a.eastMeters * b.northMeters - b.eastMeters * a.northMeters
            east += (a.eastMeters + b.eastMeters) * weight
            north += (a.northMeters + b.northMeters) * weight
        }
        return projection.unproject(PlanarPoint(eastMeters: east / (6 * area), northMeters: north / (6 * area)))
    }

    /// The largest great-circle distance from `centroid` to a vertex: a circle that covers the whole polygon.
    public var boundingRadiusMeters: Double {
        let center = centroid
        return vertices.map { GreatCircle.distanceMeters(center, $0) }.max() ?? 0
    }

    /// Whether `point` is inside the polygon by the even–odd rule; points on the boundary count as inside.
    public func contains(_ point: Coordinate) -> Bool {
        let planar = projection.project(point)
        if planarDistanceToBoundary(planar) <= Self.boundaryToleranceMeters { return true }
        var inside = false
        for (a, b) in edges where (a.northMeters > planar.northMeters) != (b.northMeters > planar.northMeters) {
            let crossingEast =
                a.eastMeters + (planar.northMeters - a.northMeters) / (b.northMeters - a.northMeters)
                * (b.eastMeters - a.eastMeters)
            if planar.eastMeters < crossingEast { inside.toggle() }
        }
        return inside
    }

    /// Distance in metres from `point` to the nearest edge, whether the point is inside or outside.
    public func distanceToBoundaryMeters(_ point: Coordinate) -> Double {
        planarDistanceToBoundary(projection.project(point))
    }

    /// Pairs of consecutive projected vertices, the last pair closing the ring.
    private var edges: Zip2Sequence<[PlanarPoint], [PlanarPoint]> {
        zip(planarVertices, Array(planarVertices.dropFirst()) + [planarVertices[0]])
    }

    private func planarDistanceToBoundary(_ point: PlanarPoint) -> Double {
        var nearest = Double.infinity
        for (a, b) in edges {
            nearest = min(nearest, PlanarSegment.distanceMeters(from: point, toSegment: a, b))
        }
        return nearest
    }
}
