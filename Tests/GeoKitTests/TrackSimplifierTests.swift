import GeoKit
import Testing

@Suite("Track simplification")
struct TrackSimplifierTests {
    /// A track heading east from (45, 7), one point every `stepMeters`, offset north by `northMeters(index)`.
    private func track(count: Int, stepMeters: Double, northMeters: (Int) -> Double) -> [Coordinate] {
        let projection = LocalProjection(reference: Coordinate(lat: 45, lng: 7))
        return (0..<count).map { index in
            projection.unproject(
                PlanarPoint(eastMeters: Double(index) * stepMeters, northMeters: northMeters(index)))
        }
    }

    @Test func straightLineKeepsItsEnds() {
        let line = track(count: 1_000, stepMeters: 5) { _ in 0 }
        #expect(TrackSimplifier.simplify(line, toleranceMeters: 1) == [0, 999])
    }

    @Test func zigzagAboveToleranceKeepsEveryCorner() {
        // Corners every 10 points alternate 20 m north and south; points between lie on the legs.
        let zigzag = track(count: 101, stepMeters: 10) { index in
            let phase = index % 20
            return phase <= 10 ? Double(phase) * 2 - 10 : Double(20 - phase) * 2 - 10
        }
        let kept = TrackSimplifier.simplify(zigzag, toleranceMeters: 5)
        #expect(kept == Array(stride(from: 0, through: 100, by: 10)))
    }

    @Test func zigzagBelowToleranceIsFlattened() {
        let zigzag = track(count: 101, stepMeters: 10) { index in index.isMultiple(of: 2) ? 1 : -1 }
        #expect(TrackSimplifier.simplify(zigzag, toleranceMeters: 5) == [0, 100])
    }

    @Test func toleranceZeroDropsOnlyPointsOnTheLine() {
        let points = [
            Coordinate(lat: 0, lng: 0), Coordinate(lat: 0, lng: 0), Coordinate(lat: 0, lng: 0.001),
            Coordinate(lat: 0.001, lng: 0.001),
        ]
        #expect(TrackSimplifier.simplify(points, toleranceMeters: 0) == [0, 2, 3])
        #expect(TrackSimplifier.simplify(points, toleranceMeters: -5) == [0, 2, 3])
    }

    @Test func shortTracks() {
        #expect(TrackSimplifier.simplify([], toleranceMeters: 10).isEmpty)
        #expect(TrackSimplifier.simplify([Coordinate(lat: 1, lng: 1)], toleranceMeters: 10) == [0])
        let two = [Coordinate(lat: 1, lng: 1), Coordinate(lat: 1, lng: 1)]
        #expect(TrackSimplifier.simplify(two, toleranceMeters: 10) == [0, 1])
    }

    @Test func hundredThousandPointsDoNotOverflow() {
        // A seeded random walk wanders enough to keep many points, which would recurse deeply without the
        // explicit stack.
        var generator = SeededGenerator(seed: 3)
        var heading = 0.0
        var position = Coordinate(lat: 45, lng: 7)
        var points: [Coordinate] = []
        for _ in 0..<100_000 {
            points.append(position)
            heading += Double.random(in: -20...20, using: &generator)
            position = GreatCircle.destination(from: position, bearingDegrees: heading, distanceMeters: 5)
        }
        let kept = TrackSimplifier.simplify(points, toleranceMeters: 2)
        #expect(kept.first == 0 && kept.last == points.count - 1)
        #expect(kept.count > 1_000 && kept.count < points.count)
        #expect(zip(kept, kept.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func periodicTrackSplitsEvenly() {
        // Every tooth peaks at the same distance; splitting at the first peak each time would be quadratic.
        let sawtooth = track(count: 20_001, stepMeters: 1) { index in Double(index % 8) * 3 }
        let kept = TrackSimplifier.simplify(sawtooth, toleranceMeters: 2)
        #expect(kept.first == 0 && kept.last == 20_000)
        #expect(kept.count > 2_500)
    }
}
