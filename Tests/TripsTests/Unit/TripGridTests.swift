import Foundation
import Platform
import Testing

@testable import Trips

@Suite("Unit: matching index grid")
struct TripGridUnitTests {
    static let paris = GeoPoint(lat: 48.8566, lng: 2.3522)
    static let lyon = GeoPoint(lat: 45.764, lng: 4.8357)
    static let berlin = GeoPoint(lat: 52.52, lng: 13.405)

    static func id(_ number: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number))!
    }

    static func entry(
        _ number: Int, from origin: GeoPoint, to destination: GeoPoint, departs: Double
    )
        -> TripIndexEntry
    {
        TripIndexEntry(
            id: id(number), travelerId: id(1_000 + number), originLat: origin.lat, originLng: origin.lng,
            destinationLat: destination.lat, destinationLng: destination.lng, departure: departs,
            arrival: departs + 3600, availableWeight: 5, availableVolume: 5, availableItems: 1, distanceKm: 400,
            currency: "EUR", basePrice: 0, pricePerKg: 0, pricePerKm: 0, expressMultiplier: 1, fragileMultiplier: 1,
            restrictions: TripRestrictions())
    }

    static func visited(
        _ grid: TripGrid, from origin: GeoPoint = paris, to destination: GeoPoint = lyon, radiusKm: Double = 50,
        departures: ClosedRange<Double> = 0...1_000
    ) -> [UUID] {
        var ids: [UUID] = []
        grid.forEach(origin: origin, destination: destination, radiusKm: radiusKm, departures: departures) {
            ids.append($0.id)
        }
        return ids
    }

    @Test("a query visits trips near both ends departing in the window, bounds included, in departure order")
    func departureWindow() {
        let grid = TripGrid(
            [99, 100, 150, 200, 201].enumerated().map {
                Self.entry($0 + 1, from: Self.paris, to: Self.lyon, departs: $1)
            })
        #expect(Self.visited(grid, departures: 100...200) == [Self.id(2), Self.id(3), Self.id(4)])
    }

    @Test("a trip near only one end of the request is never visited")
    func bothEnds() {
        let grid = TripGrid([
            Self.entry(1, from: Self.paris, to: Self.berlin, departs: 10),
            Self.entry(2, from: Self.berlin, to: Self.lyon, departs: 10),
            Self.entry(3, from: Self.paris, to: Self.lyon, departs: 10),
        ])
        #expect(Self.visited(grid) == [Self.id(3)])
    }

    @Test("a radius reaching over the antimeridian finds trips on the other side")
    func antimeridian() {
        // At 17° S (Fiji), 179.9° E and 179.9° W are 21 km apart across the antimeridian.
        let east = GeoPoint(lat: -17, lng: 179.9)
        let west = GeoPoint(lat: -17, lng: -179.9)
        let grid = TripGrid([Self.entry(1, from: east, to: Self.lyon, departs: 10)])
        #expect(Self.visited(grid, from: west, radiusKm: 50) == [Self.id(1)])
        #expect(Self.visited(grid, from: west, radiusKm: 5).isEmpty)
    }

    @Test("cells around a point: one cell for a small circle inside it, every longitude once near a pole")
    func cells() {
        #expect(TripGrid.cells(around: GeoPoint(lat: 45.25, lng: 10.25), radiusKm: 10).count == 1)
        let polar = TripGrid.cells(around: GeoPoint(lat: 89.9, lng: 0), radiusKm: 50)
        #expect(Set(polar).count == polar.count)
        #expect(polar.count % TripGrid.lngCells == 0)
    }

    @Test("an upsert moves a trip out of its old cells; a removal forgets it")
    func upsertAndRemove() {
        var grid = TripGrid()
        grid.upsert(Self.entry(1, from: Self.paris, to: Self.lyon, departs: 10))
        grid.upsert(Self.entry(2, from: Self.paris, to: Self.lyon, departs: 5))
        #expect(Self.visited(grid) == [Self.id(2), Self.id(1)])
        grid.upsert(Self.entry(1, from: Self.berlin, to: Self.lyon, departs: 10))
        #expect(grid.count == 2)
        #expect(Self.visited(grid) == [Self.id(2)])
        #expect(Self.visited(grid, from: Self.berlin) == [Self.id(1)])
        grid.remove(Self.id(2))
        grid.remove(Self.id(2))
        #expect(grid.count == 1)
        #expect(Self.visited(grid).isEmpty)
    }

    @Test("building in one pass keeps the last copy of a repeated trip")
    func bulkBuildDeduplicates() {
        let grid = TripGrid([
            Self.entry(1, from: Self.paris, to: Self.lyon, departs: 10),
            Self.entry(1, from: Self.berlin, to: Self.lyon, departs: 10),
        ])
        #expect(grid.count == 1)
        #expect(Self.visited(grid).isEmpty)
        #expect(Self.visited(grid, from: Self.berlin) == [Self.id(1)])
    }

    @Test("an index entry turns restrictions into bit sets and open limits")
    func entryRestrictions() {
        var trip = Self.entry(1, from: Self.paris, to: Self.lyon, departs: 0)
        #expect(ItemCategory.allCases.allSatisfy(trip.accepts))
        #expect(trip.maxItemValue == .max)
        #expect(trip.maxItemWeight == .infinity)
        trip.categories = TripIndexEntry.mask([.art, .books])
        #expect(ItemCategory.allCases.filter(trip.accepts) == [.books, .art])
    }
}
