import Foundation

/// Segment arithmetic in a local projection, shared by the simplifier and the polygon.
enum PlanarSegment {
    /// Distance from `point` to the closed segment `start`–`end`; a zero-length segment is measured as a point.
    static func distanceMeters(from point: PlanarPoint, toSegment start: PlanarPoint, _ end: PlanarPoint) -> Double {
        let dx = end.eastMeters - start.eastMeters
        let dy = end.northMeters - start.northMeters
        let lengthSquared = dx * dx + dy * dy
        guard lengthSquared > 0 else { return point.distanceMeters(to: start) }
        let px = point.eastMeters - start.eastMeters
        let py = point.northMeters - start.northMeters
        let t = min(1, max(0, (px * dx + py * dy) / lengthSquared))
        return hypot(px - t * dx, py - t * dy)
    }

    /// Twice the signed area of the triangle a, b, c: positive when c is left of a→b.
    static func cross(_ a: PlanarPoint, _ b: PlanarPoint, _ c: PlanarPoint) -> Double {
        (b.eastMeters - a.eastMeters) * (c.northMeters - a.northMeters)
            - (b.northMeters - a.northMeters) * (c.eastMeters - a.eastMeters)
    }

    /// Whether the closed segments p1–p2 and q1–q2 share at least one point (touching and overlap included).
    static func intersects(_ p1: PlanarPoint, _ p2: PlanarPoint, _ q1: PlanarPoint, _ q2: PlanarPoint) -> Bool {
        let d1 = cross(q1, q2, p1)
        let d2 = cross(q1, q2, p2)
        let d3 = cross(p1, p2, q1)
        let d4 = cross(p1, p2, q2)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
            return true
        }
        return (d1 == 0 && isWithinBox(p1, of: q1, q2)) || (d2 == 0 && isWithinBox(p2, of: q1, q2))
            || (d3 == 0 && isWithinBox(q1, of: p1, p2)) || (d4 == 0 && isWithinBox(q2, of: p1, p2))
    }

    /// For a point known to be collinear with a–b, whether it lies between them.
    private static func isWithinBox(_ point: PlanarPoint, of a: PlanarPoint, _ b: PlanarPoint) -> Bool {
        (min(a.eastMeters, b.eastMeters)...max(a.eastMeters, b.eastMeters)).contains(point.eastMeters)
            && (min(a.northMeters, b.northMeters)...max(a.northMeters, b.northMeters)).contains(point.northMeters)
    }
}
