import Foundation
import GeoKit
import Testing

@Suite("Great circle and local projection")
struct GreatCircleTests {
    let paris = Coordinate(lat: 48.8566, lng: 2.3522)
    let london = Coordinate(lat: 51.5074, lng: -0.1278)

    @Test func parisToLondonIsAbout343Kilometres() {
        let meters = GreatCircle.distanceMeters(paris, london)
        #expect(abs(meters - 343_500) < 500)
        #expect(GreatCircle.distanceMeters(london, paris) == meters)
    }

    @Test func quarterMeridianAndHalfEquator() {
        let quarter = Double.pi / 2 * GreatCircle.earthRadiusMeters
        let equatorToPole = GreatCircle.distanceMeters(Coordinate(lat: 0, lng: 0), Coordinate(lat: 90, lng: 0))
        #expect(abs(equatorToPole - quarter) < 1e-6)
        // Antipodes: where asin(√a) loses precision, the distance must still be half the circumference.
        let antipodal = GreatCircle.distanceMeters(Coordinate(lat: 0, lng: 0), Coordinate(lat: 0, lng: 180))
        #expect(abs(antipodal - 2 * quarter) < 1e-6)
        let nearlyAntipodal = GreatCircle.distanceMeters(
            Coordinate(lat: 10, lng: 20), Coordinate(lat: -10, lng: -160 + 1e-6))
        #expect(nearlyAntipodal < 2 * quarter && nearlyAntipodal > 2 * quarter - 1)
    }

    @Test func tinyDistancesKeepPrecision() {
        let a = Coordinate(lat: 45, lng: 7)
        let b = Coordinate(lat: 45 + 1e-9, lng: 7)
        // Measured from the stored latitudes: 45 + 1e-9 is itself only exact to a few parts in a million.
        let expected = (b.lat - a.lat) * .pi / 180 * GreatCircle.earthRadiusMeters
        #expect(abs(GreatCircle.distanceMeters(a, b) - expected) < expected * 1e-6)
        #expect(GreatCircle.distanceMeters(a, a) == 0)
    }

    @Test func matchesClassicHaversine() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let a = Coordinate(
                lat: .random(in: -90...90, using: &generator), lng: .random(in: -180...180, using: &generator))
            let b = Coordinate(
                lat: .random(in: -90...90, using: &generator), lng: .random(in: -180...180, using: &generator))
            let rad = Double.pi / 180
            let h =
                pow(sin((b.lat - a.lat) * rad / 2), 2)
                + cos(a.lat * rad) * cos(b.lat * rad) * pow(sin((b.lng - a.lng) * rad / 2), 2)
            let classic = 2 * 6_371_008.8 * asin(min(1, h.squareRoot()))
            #expect(abs(GreatCircle.distanceMeters(a, b) - classic) < 1e-3)
        }
    }

    @Test func bearings() {
        let origin = Coordinate(lat: 0, lng: 0)
        #expect(abs(GreatCircle.initialBearingDegrees(origin, Coordinate(lat: 0, lng: 1)) - 90) < 1e-9)
        #expect(abs(GreatCircle.initialBearingDegrees(origin, Coordinate(lat: 1, lng: 0))) < 1e-9)
        #expect(abs(GreatCircle.initialBearingDegrees(origin, Coordinate(lat: 0, lng: -1)) - 270) < 1e-9)
        #expect(abs(GreatCircle.initialBearingDegrees(origin, Coordinate(lat: -1, lng: 0)) - 180) < 1e-9)
        // Across the antimeridian the short way from 179° E to 179° W is east.
        let bearing = GreatCircle.initialBearingDegrees(Coordinate(lat: 0, lng: 179), Coordinate(lat: 0, lng: -179))
        #expect(abs(bearing - 90) < 1e-9)
        let any = GreatCircle.initialBearingDegrees(paris, london)
        #expect((0..<360).contains(any))
    }

    @Test func destinationRoundTrip() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let start = Coordinate(
                lat: .random(in: -80...80, using: &generator), lng: .random(in: -180...180, using: &generator))
            let bearing = Double.random(in: 0..<360, using: &generator)
            let meters = Double.random(in: 1...2_000_000, using: &generator)
            let end = GreatCircle.destination(from: start, bearingDegrees: bearing, distanceMeters: meters)
            #expect(end.isValid)
            #expect(abs(GreatCircle.distanceMeters(start, end) - meters) < 1e-3)
            let measured = GreatCircle.initialBearingDegrees(start, end)
            let difference = abs(measured - bearing)
            #expect(min(difference, 360 - difference) < 1e-6)
        }
        let east = GreatCircle.destination(
            from: Coordinate(lat: 0, lng: 179.5), bearingDegrees: 90, distanceMeters: 111_195)
        #expect(abs(east.lng - -179.5) < 1e-3 && abs(east.lat) < 1e-9)
    }

    @Test func projectionRoundTripAndScale() {
        let projection = LocalProjection(reference: paris)
        let point = Coordinate(lat: 48.87, lng: 2.30)
        let planar = projection.project(point)
        let back = projection.unproject(planar)
        #expect(abs(back.lat - point.lat) < 1e-12 && abs(back.lng - point.lng) < 1e-12)
        #expect(planar.eastMeters < 0 && planar.northMeters > 0)
        // Within a few kilometres the planar distance agrees with the great-circle one to a fraction of a metre.
        let planarMeters = planar.distanceMeters(to: projection.project(paris))
        #expect(abs(planarMeters - GreatCircle.distanceMeters(paris, point)) < 0.5)
    }

    @Test func projectionAcrossTheAntimeridian() {
        let projection = LocalProjection(reference: Coordinate(lat: -17, lng: 179.99))
        let west = projection.project(Coordinate(lat: -17, lng: -179.99))
        #expect(west.eastMeters > 2_000 && west.eastMeters < 2_200)
        let back = projection.unproject(west)
        #expect(abs(back.lng - -179.99) < 1e-9)
    }
}
