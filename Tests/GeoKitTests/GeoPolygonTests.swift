import Foundation
import GeoKit
import Testing

@Suite("Polygons and fence shapes")
struct GeoPolygonTests {
    /// Builds coordinates from metres east/north of (45, 7), so shapes are easy to reason about.
    static let projection = LocalProjection(reference: Coordinate(lat: 45, lng: 7))
    static func point(_ east: Double, _ north: Double) -> Coordinate {
        projection.unproject(PlanarPoint(eastMeters: east, northMeters: north))
    }

    /// An L: a 200 m square with its north-east 100 m quarter cut away.
    static let lShape: [Coordinate] = [
        point(0, 0), point(200, 0), point(200, 100), point(100, 100), point(100, 200), point(0, 200),
    ]

    @Test func concavePolygonContainment() throws {
        let polygon = try GeoPolygon(vertices: Self.lShape)
        #expect(polygon.contains(Self.point(50, 50)))
        #expect(polygon.contains(Self.point(150, 50)))
        #expect(polygon.contains(Self.point(50, 150)))
        #expect(!polygon.contains(Self.point(150, 150)))  // the notch
        #expect(!polygon.contains(Self.point(-10, 50)))
        #expect(!polygon.contains(Self.point(250, 250)))
    }

    @Test func boundaryCountsAsInside() throws {
        let polygon = try GeoPolygon(vertices: Self.lShape)
        #expect(polygon.contains(Self.point(100, 150)))  // on the notch's west edge
        #expect(polygon.contains(Self.point(150, 100)))  // on the notch's south edge
        #expect(polygon.contains(Self.point(0, 0)))  // a vertex
        #expect(polygon.contains(Self.lShape[3]))  // the reflex vertex
    }

    @Test func areaCentroidAndRadius() throws {
        let polygon = try GeoPolygon(vertices: Self.lShape)
        #expect(abs(polygon.areaSquareMeters - 30_000) < 30)
        // The L's centroid: three 100 m squares centred at (50,50), (150,50), (50,150).
        let centroid = Self.projection.project(polygon.centroid)
        #expect(abs(centroid.eastMeters - 250.0 / 3) < 0.5 && abs(centroid.northMeters - 250.0 / 3) < 0.5)
        // The farthest vertices from (83.3, 83.3) are (200, 0) and (0, 200).
        let expected = hypot(200 - 250.0 / 3, 250.0 / 3)
        #expect(abs(polygon.boundingRadiusMeters - expected) < 0.5)
    }

    @Test func distanceToBoundary() throws {
        let polygon = try GeoPolygon(vertices: Self.lShape)
        #expect(abs(polygon.distanceToBoundaryMeters(Self.point(50, 50)) - 50) < 0.05)
        #expect(abs(polygon.distanceToBoundaryMeters(Self.point(150, 150)) - 50) < 0.05)
        #expect(abs(polygon.distanceToBoundaryMeters(Self.point(-30, -40)) - 50) < 0.05)
        #expect(polygon.distanceToBoundaryMeters(Self.point(200, 50)) < 0.01)
    }

    @Test func bowTieIsRefusedNamingTheCrossingEdges() {
        let bowTie = [Self.point(0, 0), Self.point(100, 100), Self.point(100, 0), Self.point(0, 100)]
        #expect(throws: GeoPolygon.Problem.crossingEdges(first: 0, second: 2)) {
            try GeoPolygon(vertices: bowTie)
        }
        #expect(GeoPolygon.Problem.crossingEdges(first: 0, second: 2).description == "edges 0 and 2 cross")
    }

    @Test func collinearRingFoldsBack() {
        #expect(throws: GeoPolygon.Problem.crossingEdges(first: 0, second: 2)) {
            try GeoPolygon(
                vertices: [Coordinate(lat: 0, lng: 0), Coordinate(lat: 0, lng: 1), Coordinate(lat: 0, lng: 2)])
        }
    }

    @Test func spikeFoldingBackIsRefused() {
        let spike = [Self.point(0, 0), Self.point(100, 0), Self.point(50, 0), Self.point(50, 80)]
        #expect(throws: GeoPolygon.Problem.crossingEdges(first: 0, second: 1)) { try GeoPolygon(vertices: spike) }
    }

    @Test func invalidVertexListsAreRefused() {
        #expect(throws: GeoPolygon.Problem.tooFewVertices(count: 2)) {
            try GeoPolygon(vertices: [Self.point(0, 0), Self.point(1, 1)])
        }
        // A closing vertex equal to the first is dropped before counting.
        #expect(throws: GeoPolygon.Problem.tooFewVertices(count: 2)) {
            try GeoPolygon(vertices: [Self.point(0, 0), Self.point(1, 1), Self.point(0, 0)])
        }
        let tooMany = (0..<1_001).map { index in
            GreatCircle.destination(
                from: Coordinate(lat: 45, lng: 7), bearingDegrees: Double(index) * 360 / 1_001, distanceMeters: 500)
        }
        #expect(throws: GeoPolygon.Problem.tooManyVertices(count: 1_001)) { try GeoPolygon(vertices: tooMany) }
        #expect(throws: GeoPolygon.Problem.invalidVertex(index: 2)) {
            try GeoPolygon(vertices: [Self.point(0, 0), Self.point(10, 0), Coordinate(lat: 91, lng: 0)])
        }
        #expect(throws: GeoPolygon.Problem.repeatedVertex(index: 2)) {
            try GeoPolygon(vertices: [Self.point(0, 0), Self.point(10, 0), Self.point(10, 0), Self.point(0, 10)])
        }
        #expect(throws: GeoPolygon.Problem.noArea) {
            // A sliver 0.1 µm high over 1 km: no edges fold back, but the area is rounding residue.
            try GeoPolygon(vertices: [Self.point(0, 0), Self.point(1_000, 0), Self.point(500, 1e-7)])
        }
        #expect(
            GeoPolygon.Problem.tooFewVertices(count: 2).description.hasPrefix("a polygon needs at least 3 vertices"))
        #expect(GeoPolygon.Problem.invalidVertex(index: 4).description == "vertex 4 is not a valid coordinate")
        #expect(GeoPolygon.Problem.noArea.description == "the polygon has no area")
    }

    @Test func polygonAcrossTheAntimeridian() throws {
        let square = [
            Coordinate(lat: -17.01, lng: 179.99), Coordinate(lat: -17.01, lng: -179.99),
            Coordinate(lat: -16.99, lng: -179.99), Coordinate(lat: -16.99, lng: 179.99),
        ]
        let polygon = try GeoPolygon(vertices: square)
        #expect(polygon.contains(Coordinate(lat: -17, lng: 180)))
        #expect(polygon.contains(Coordinate(lat: -17, lng: -179.995)))
        #expect(!polygon.contains(Coordinate(lat: -17, lng: 179.9)))
        #expect(polygon.areaSquareMeters > 4.5e6 && polygon.areaSquareMeters < 5e6)
    }

    @Test func codableRoundTripValidates() throws {
        let polygon = try GeoPolygon(vertices: Self.lShape)
        let data = try JSONEncoder().encode(FenceShape.polygon(polygon))
        #expect(try JSONDecoder().decode(FenceShape.self, from: data) == .polygon(polygon))
        let bowTie = #"{"vertices":[{"lat":0,"lng":0},{"lat":1,"lng":1},{"lat":1,"lng":0},{"lat":0,"lng":1}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(GeoPolygon.self, from: Data(bowTie.utf8)) }
    }

    @Test func signedDistanceOfACircle() {
        let center = Coordinate(lat: 45, lng: 7)
        let fence = FenceShape.circle(center: center, radiusMeters: 100)
        let inside = GreatCircle.destination(from: center, bearingDegrees: 30, distanceMeters: 40)
        let outside = GreatCircle.destination(from: center, bearingDegrees: 30, distanceMeters: 250)
        #expect(abs(fence.signedDistanceMeters(to: inside) - -60) < 1e-6)
        #expect(abs(fence.signedDistanceMeters(to: outside) - 150) < 1e-6)
        #expect(abs(fence.signedDistanceMeters(to: center) - -100) < 1e-9)
        #expect(fence.contains(inside) && !fence.contains(outside))
        #expect(fence.boundingCircle == BoundingCircle(center: center, radiusMeters: 100))
    }

    @Test func signedDistanceOfAPolygon() throws {
        let fence = FenceShape.polygon(try GeoPolygon(vertices: Self.lShape))
        #expect(abs(fence.signedDistanceMeters(to: Self.point(50, 50)) - -50) < 0.05)
        #expect(abs(fence.signedDistanceMeters(to: Self.point(150, 130)) - 30) < 0.05)
        #expect(fence.signedDistanceMeters(to: Self.point(100, 150)) == 0)
        let circle = fence.boundingCircle
        for vertex in Self.lShape { #expect(circle.contains(vertex)) }
    }
}
