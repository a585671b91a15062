import Foundation
import Platform
import Testing

@testable import Trips

/// Free capacity, a wanted amount and the dimensions that fall short.
struct CapacityCase: Sendable, CustomTestStringConvertible {
    var free: CapacityAmount
    var wanted: CapacityAmount
    var short: [String]
    var why: String

    var testDescription: String { why }
}

@Suite("Unit: capacity arithmetic")
struct TripCapacityUnitTests {
    static let free = CapacityAmount(weight: 5, volume: 10, items: 2)

    static let cases: [CapacityCase] = [
        CapacityCase(free: free, wanted: free, short: [], why: "exactly what is free fits"),
        CapacityCase(
            free: free, wanted: CapacityAmount(weight: 5.0004, volume: 10.0004, items: 2), short: [],
            why: "0.4 g and 0.4 ml over are inside the half-gram slack"),
        CapacityCase(
            free: free, wanted: CapacityAmount(weight: 5.0006, volume: 10, items: 2), short: ["weight"],
            why: "0.6 g over is past the slack"),
        CapacityCase(
            free: free, wanted: CapacityAmount(weight: 5.001, volume: 10, items: 2), short: ["weight"],
            why: "a gram over does not fit"),
        CapacityCase(
            free: free, wanted: CapacityAmount(weight: 1, volume: 10.001, items: 1), short: ["volume"],
            why: "a millilitre over does not fit"),
        CapacityCase(
            free: free, wanted: CapacityAmount(weight: 1, volume: 1, items: 3), short: ["items"],
            why: "items have no slack"),
        CapacityCase(
            free: free, wanted: CapacityAmount(weight: 6, volume: 11, items: 3), short: ["weight", "volume", "items"],
            why: "every dimension short is named, in order"),
        CapacityCase(
            free: CapacityAmount(weight: 0.1 + 0.2, volume: 0.3, items: 1),
            wanted: CapacityAmount(weight: 0.3, volume: 0.1 + 0.2, items: 1), short: [],
            why: "0.1 + 0.2 and 0.3 are the same amount"),
    ]

    static func trip(free: CapacityAmount) -> Trip {
        let trip = Trip()
        trip.availableWeight = free.weight
        trip.availableVolume = free.volume
        trip.availableItems = free.items
        return trip
    }

    static func snapshot(free: CapacityAmount) -> TripSnapshot {
        let place = TripResponse.Place(
            address: "Somewhere", coordinates: GeoPoint(lat: 0, lng: 0), airport: nil, terminal: nil, details: nil)
        return TripSnapshot(
            id: UUID(), travelerId: UUID(), status: .upcoming, visibility: .public, title: "Trip", tripType: .car,
            origin: place, destination: place, departureTime: Date(timeIntervalSince1970: 0),
            arrivalTime: Date(timeIntervalSince1970: 3600), available: free, currency: .eur, autoAccept: false,
            autoAcceptPrice: nil)
    }

    @Test("check names what falls short, and a trip snapshot agrees whether it fits", arguments: cases)
    func fits(_ item: CapacityCase) {
        let problems = TripCapacity.check(item.wanted, against: Self.trip(free: item.free))
        #expect(problems.map { String($0.prefix { $0 != ":" }) } == item.short)
        #expect(Self.snapshot(free: item.free).fits(item.wanted) == item.short.isEmpty)
    }

    @Test("each shortfall says what was wanted and what is free")
    func messages() {
        let problems = TripCapacity.check(
            CapacityAmount(weight: 5.001, volume: 12, items: 3), against: Self.trip(free: Self.free))
        #expect(
            problems == [
                "weight: 5.001 kg wanted, 5.0 kg free", "volume: 12.0 l wanted, 10.0 l free", "items: 3 wanted, 2 free",
            ])
    }

    @Test(
        "capacities round to the gram and the millilitre",
        arguments: [
            (1.234_56, 1.235), (0.1 + 0.2, 0.3), (2.000_4, 2), (2.000_6, 2.001), (-0.000_4, 0),
            (1_234.567_8, 1_234.568),
        ])
    func rounding(value: Double, expected: Double) {
        #expect(value.roundedCapacity == expected)
    }

    @Test("what a trip shows as free is rounded to the gram")
    func availableIsRounded() {
        let trip = Self.trip(free: CapacityAmount(weight: 0.1 + 0.2, volume: 2.000_6, items: 4))
        #expect(trip.available == CapacityAmount(weight: 0.3, volume: 2.001, items: 4))
    }
}
