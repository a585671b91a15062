import Foundation
import Platform

@testable import Deliveries
@testable import Trips
@testable import Users

/// Great-circle distance written out here, so that expected scores never come from the code under test.
func haversineKm(_ from: GeoPoint, _ to: GeoPoint) -> Double {
    let radians = Double.pi / 180
    let dLat = (to.lat - from.lat) * radians
    let dLng = (to.lng - from.lng) * radians
    let a = pow(sin(dLat / 2), 2) + cos(from.lat * radians) * cos(to.lat * radians) * pow(sin(dLng / 2), 2)
    return 2 * 6371.0088 * asin(min(1, a.squareRoot()))
}

/// The point `km` due north of `point` (south when negative): along a meridian one degree is R·π/180 km.
func north(of point: GeoPoint, km: Double) -> GeoPoint {
    GeoPoint(lat: point.lat + km / (6371.0088 * Double.pi / 180), lng: point.lng)
}

/// A fixed id from a small number, so failures name the trip.
func fixedID(_ number: Int) -> UUID {
    UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number))!
}

/// One trip and one request that match well, for tests to bend one value at a time.
///
/// The trip rides from A (45° N 10° E) to B (46° N 10° E), 111.2 km due north; the request goes from A to B
/// too, so the route is perfect. Times are hours after `start`: the pickup window is 0–4 h, the delivery
/// window 6–30 h, and the trip leaves at 1 h and arrives at 8 h.
struct MatchScenario {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let a = GeoPoint(lat: 45, lng: 10)
    static let b = GeoPoint(lat: 46, lng: 10)
    static let traveler = fixedID(900)

    var trip: TripIndexEntry
    var criteria: MatchCriteria
    /// The traveler's average rating; nil for a traveler nobody has rated.
    var rating: Double?

    init() {
        trip = Self.trip(id: 1, from: Self.a, to: Self.b, departs: 1, arrives: 8)
        criteria = MatchCriteria(
            pickup: Self.a, delivery: Self.b, radiusKm: 50, pickupWindow: Self.at(0)...Self.at(4),
            deliveryWindow: Self.at(6)...Self.at(30), capacity: CapacityAmount(weight: 2, volume: 1, items: 2),
            pieceWeight: 1, category: .electronics, value: 10_000, currency: "EUR", fragile: false,
            perishable: false, urgency: .standard, maxPrice: 5_000, minRating: nil, excludedTravelers: [],
            preferredTravelers: [])
    }

    static func at(_ hours: Double) -> Date { start.addingTimeInterval(hours * 3600) }

    /// A trip with room to spare, 10 EUR base + 2 EUR/kg + 0.10 EUR/km, taking every category.
    static func trip(
        id: Int, from origin: GeoPoint, to destination: GeoPoint, departs: Double, arrives: Double,
        traveler: UUID = traveler
    ) -> TripIndexEntry {
        TripIndexEntry(
            id: fixedID(id), travelerId: traveler, originLat: origin.lat, originLng: origin.lng,
            destinationLat: destination.lat, destinationLng: destination.lng,
            departure: at(departs).timeIntervalSince1970, arrival: at(arrives).timeIntervalSince1970,
            availableWeight: 10, availableVolume: 20, availableItems: 5,
            distanceKm: Float(haversineKm(origin, destination)), currency: "EUR", basePrice: 1_000,
            pricePerKg: 200, pricePerKm: 10, expressMultiplier: 1.5, fragileMultiplier: 1.25,
            restrictions: TripRestrictions())
    }

    /// Moves the trip's ends, keeping its distance the great-circle distance between them.
    mutating func moveTrip(from origin: GeoPoint, to destination: GeoPoint) {
        trip.originLat = origin.lat
        trip.originLng = origin.lng
        trip.destinationLat = destination.lat
        trip.destinationLng = destination.lng
        trip.distanceKm = Float(haversineKm(origin, destination))
    }

    func matches() -> [Match] {
        MatchingEngine().matches(
            criteria, in: Self.index([trip], ratings: [trip.travelerId: rating]))
    }

    /// An in-memory index of `trips` and their travelers' ratings (nil: nobody has rated them).
    static func index(_ trips: [TripIndexEntry], ratings: [UUID: Double?] = [:]) -> TripIndex {
        let index = TripIndex()
        index.apply(
            TripIndexLoader.Rows(bookable: trips),
            ratings: ratings.map { id, average in
                (id, MemberDirectory.Rating(average: average, count: average == nil ? 0 : 3))
            })
        return index
    }
}
