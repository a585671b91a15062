import GeoKit
import Testing

@Suite("Spatial grid")
struct SpatialGridTests {
    /// Regions that stress the cell arithmetic: both poles, the antimeridian, and an ordinary city.
    private static func randomCoordinate(using generator: inout SeededGenerator) -> Coordinate {
        switch Int.random(in: 0..<5, using: &generator) {
        case 0:
            Coordinate(lat: .random(in: 89...90, using: &generator), lng: .random(in: -180...180, using: &generator))
        case 1:
            Coordinate(
                lat: .random(in: -90...(-89.5), using: &generator), lng: .random(in: -180...180, using: &generator))
        case 2:
            Coordinate(
                lat: .random(in: -17.5...(-16.5), using: &generator),
                lng: Bool.random(using: &generator)
                    ? .random(in: 179.5...180, using: &generator) : .random(in: -180...(-179.5), using: &generator))
        case 3: Coordinate(lat: .random(in: 48.5...49, using: &generator), lng: .random(in: 2...2.7, using: &generator))
        default:
            Coordinate(lat: .random(in: -90...90, using: &generator), lng: .random(in: -180...180, using: &generator))
        }
    }

    private static func randomRadius(using generator: inout SeededGenerator) -> Double {
        // Mostly fence-sized, with some spanning many cells and a few beyond the per-key cell cap.
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: .random(in: 5_000...60_000, using: &generator)
        case 1: 0
        default: .random(in: 10...3_000, using: &generator)
        }
    }

    @Test func candidatesMatchBruteForce() {
        var generator = SeededGenerator(seed: 42)
        var grid = SpatialGrid<Int>(cellSizeMeters: 1_000)
        var circles: [Int: BoundingCircle] = [:]
        for key in 0..<2_000 {
            let circle = BoundingCircle(
                center: Self.randomCoordinate(using: &generator), radiusMeters: Self.randomRadius(using: &generator))
            circles[key] = circle
            grid.insert(key, center: circle.center, radiusMeters: circle.radiusMeters)
        }
        // Moving and removing some keys must leave no stale cells behind.
        for key in stride(from: 0, to: 2_000, by: 7) {
            let circle = BoundingCircle(
                center: Self.randomCoordinate(using: &generator), radiusMeters: Self.randomRadius(using: &generator))
            circles[key] = circle
            grid.update(key, center: circle.center, radiusMeters: circle.radiusMeters)
        }
        for key in stride(from: 3, to: 2_000, by: 11) {
            circles[key] = nil
            grid.remove(key)
        }
        #expect(grid.count == circles.count)

        var hits = 0
        for query in 0..<2_000 {
            let point: Coordinate
            if query.isMultiple(of: 2), let circle = circles[Int.random(in: 0..<2_000, using: &generator)] {
                // Near a fence's rim, where a missed neighbouring cell would show.
                let distance = circle.radiusMeters * .random(in: 0.9...1.1, using: &generator)
                point = GreatCircle.destination(
                    from: circle.center, bearingDegrees: .random(in: 0..<360, using: &generator),
                    distanceMeters: distance)
            } else {
                point = Self.randomCoordinate(using: &generator)
            }
            let extra = query % 3 == 0 ? 0 : Double.random(in: 0...2_500, using: &generator)
            let expected = Set(circles.filter { $0.value.contains(point, marginMeters: extra) }.keys)
            let found = grid.candidates(near: point, withinMeters: extra)
            #expect(Set(found) == expected, "query \(query) at \(point) within \(extra) m")
            #expect(found.count == Set(found).count, "a key reported twice")
            hits += expected.count
        }
        #expect(hits > 500)  // the property is only meaningful if many queries hit something
    }

    @Test func farPointFindsNothingAndLargeFencesAreFound() {
        var grid = SpatialGrid<String>(cellSizeMeters: 1_000)
        let paris = Coordinate(lat: 48.8566, lng: 2.3522)
        grid.insert("small", center: paris, radiusMeters: 300)
        grid.insert("region", center: Coordinate(lat: 45.764, lng: 4.8357), radiusMeters: 50_000)
        #expect(grid.candidates(near: Coordinate(lat: 40, lng: -3)).isEmpty)
        #expect(grid.candidates(near: Coordinate(lat: 40, lng: -3), withinMeters: 10_000).isEmpty)

        let inside = GreatCircle.destination(
            from: Coordinate(lat: 45.764, lng: 4.8357), bearingDegrees: 200, distanceMeters: 49_000)
        #expect(grid.candidates(near: inside) == ["region"])
        let outside = GreatCircle.destination(
            from: Coordinate(lat: 45.764, lng: 4.8357), bearingDegrees: 200, distanceMeters: 51_000)
        #expect(grid.candidates(near: outside).isEmpty)
        #expect(grid.candidates(near: outside, withinMeters: 2_000) == ["region"])

        let nearParis = GreatCircle.destination(from: paris, bearingDegrees: 90, distanceMeters: 350)
        #expect(grid.candidates(near: nearParis).isEmpty)
        #expect(grid.candidates(near: nearParis, withinMeters: 60) == ["small"])

        grid.remove("region")
        #expect(grid.candidates(near: inside).isEmpty)
        #expect(grid.count == 1)
    }

    @Test func fenceShapesAreIndexedByTheirBoundingCircle() throws {
        var grid = SpatialGrid<Int>()
        let polygon = try GeoPolygon(vertices: GeoPolygonTests.lShape)
        grid.insert(1, shape: .polygon(polygon))
        #expect(grid.candidates(near: GeoPolygonTests.point(50, 50)) == [1])
        #expect(grid.candidates(near: GeoPolygonTests.point(5_000, 50)).isEmpty)
        #expect(grid.circle(for: 1)?.radiusMeters ?? 0 > polygon.boundingRadiusMeters)
    }
}
