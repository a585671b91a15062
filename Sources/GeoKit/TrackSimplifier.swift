import Foundation

/// Douglas–Peucker simplification of a recorded track.
public enum TrackSimplifier {
    /// The indices of the points to keep, in increasing order; the first and last points are always kept.
    ///
    /// A point is kept when it lies more than `toleranceMeters` from the segment joining the kept points around
    /// it. The comparison is strict, so a tolerance of 0 keeps every point except those lying exactly on that
    /// segment, such as repeated fixes. A negative or non-finite tolerance is treated as 0.
    ///
    /// Distances are measured in an equirectangular projection centred on each segment's start at the segment's
    /// mean latitude, so long tracks are not distorted by one distant reference. The recursion is replaced by an
    /// explicit stack, so tracks of hundreds of thousands of points cannot overflow the call stack.
    public static func simplify(_ points: [Coordinate], toleranceMeters: Double) -> [Int] {
        guard points.count > 2 else { return Array(points.indices) }
        let tolerance = toleranceMeters.isFinite ? max(0, toleranceMeters) : 0
        var kept = [Bool](repeating: false, count: points.count)
        kept[0] = true
        kept[points.count - 1] = true
        var pending: [(first: Int, last: Int)] = [(0, points.count - 1)]
        while let (first, last) = pending.popLast() {
            guard last - first > 1 else { continue }
            let (farthest, distance) = farthestPoint(in: points, between: first, and: last)
            if distance > tolerance {
                kept[farthest] = true
                pending.append((first, farthest))
                pending.append((farthest, last))
            }
        }
        return kept.indices.filter { kept[$0] }
    }

    /// The interior point farthest from the segment `points[first]`–`points[last]`, with its distance in metres.
    private static func farthestPoint(in points: [Coordinate], between first: Int, and last: Int) -> (Int, Double) {
        let start = points[first]
        let end = points[last]
        let midLatitude = Coordinate(lat: (start.lat + end.lat) / 2, lng: start.lng)
        let projection = LocalProjection(reference: midLatitude)
        let projectedStart = projection.project(start)
        let projectedEnd = projection.project(end)
        let middle = (first + last) / 2
        var farthest = first + 1
        var farthestDistance = -1.0
        for index in (first + 1)..<last {
            let distance = PlanarSegment.distanceMeters(
                from: projection.project(points[index]), toSegment: projectedStart, projectedEnd)
            // Ties go to the point nearest the middle: periodic tracks (a sawtooth, a circuit driven many times)
            // have many equally far points, and always splitting at the first would make the work quadratic.
            if distance > farthestDistance
                || (distance == farthestDistance && abs(index - middle) < abs(farthest - middle))
            {
                farthest = index
                farthestDistance = distance
            }
        }
        return (farthest, farthestDistance)
    }
}
