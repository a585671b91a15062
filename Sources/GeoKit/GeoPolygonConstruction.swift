import Foundation

/// The validation arithmetic behind `GeoPolygon.init`, kept apart from the queries.
extension GeoPolygon {
    /// The mean of the vertices, averaging longitudes as offsets from the first so a ring across ±180° is not
    /// centred on the far side of the earth.
    static func meanCoordinate(of ring: [Coordinate]) -> Coordinate {
        let origin = ring[0]
        var latSum = 0.0
        var lngOffsetSum = 0.0
        for vertex in ring {
            latSum += vertex.lat
            lngOffsetSum += Angle.wrappedDegrees(vertex.lng - origin.lng)
        }
        let count = Double(ring.count)
        return Coordinate(lat: latSum / count, lng: Angle.wrappedDegrees(origin.lng + lngOffsetSum / count))
    }

    /// Shoelace area, positive for a counter-clockwise ring.
    static func signedArea(of ring: [PlanarPoint]) -> Double {
        var twiceArea = 0.0
        for index in ring.indices {
            let a = ring[index]
            let b = ring[(index + 1) % ring.count]
            twiceArea += a.eastMeters * b.northMeters - b.eastMeters * a.northMeters
        }
        return twiceArea / 2
    }

    /// The diagonal of the ring's bounding box, the scale used to judge rounding.
    static func diagonalMeters(of ring: [PlanarPoint]) -> Double {
        let east = ring.map(\.eastMeters)
        let north = ring.map(\.northMeters)
        return hypot((east.max() ?? 0) - (east.min() ?? 0), (north.max() ?? 0) - (north.min() ?? 0))
    }

    /// The first pair of edges (lowest indices) that make the ring non-simple, or nil.
    ///
    /// Non-adjacent edges must not share any point. Adjacent edges share their common vertex by construction, so
    /// they are only refused when they fold back onto each other (the far end of one lies on the other).
    static func firstCrossing(in ring: [PlanarPoint]) -> (Int, Int)? {
        let count = ring.count
        func edge(_ index: Int) -> (PlanarPoint, PlanarPoint) { (ring[index], ring[(index + 1) % count]) }
        for first in 0..<count {
            let (a1, a2) = edge(first)
            for second in (first + 1)..<count {
                let (b1, b2) = edge(second)
                let adjacent = second == first + 1 || (first == 0 && second == count - 1)
                if adjacent {
                    // For edge pairs (i, i+1) the shared vertex is a2 == b1; for (0, n-1) it is a1 == b2.
                    let (shared, farA, farB) = second == first + 1 ? (a2, a1, b2) : (a1, a2, b1)
                    if foldsBack(shared: shared, farA, farB) { return (first, second) }
                } else if PlanarSegment.intersects(a1, a2, b1, b2) {
                    return (first, second)
                }
            }
        }
        return nil
    }

    /// Whether two edges meeting at `shared` overlap: they are collinear and point the same way from it.
    private static func foldsBack(shared: PlanarPoint, _ farA: PlanarPoint, _ farB: PlanarPoint) -> Bool {
        guard PlanarSegment.cross(shared, farA, farB) == 0 else { return false }
        let dot =
            (farA.eastMeters - shared.eastMeters) * (farB.eastMeters - shared.eastMeters)
            + (farA.northMeters - shared.northMeters) * (farB.northMeters - shared.northMeters)
        return dot > 0
    }
}
