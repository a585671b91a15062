import Foundation
import Platform

/// `GET /trips/search` parameters, validated.
struct TripSearchQuery {
    enum Sort: String, CaseIterable {
        case departure, price, rating, distance
    }

    static let defaultRadiusKm = 50.0
    static let maxRadiusKm = 500.0

    var origin: GeoPoint?
    var destination: GeoPoint?
    var radiusKm: Double
    var departureFrom: Date?
    var departureTo: Date?
    var minWeight: Double?
    var minVolume: Double?
    var minItems: Int?
    var priceMin: Int64?
    var priceMax: Int64?
    var minRating: Double?
    var tripType: TripType?
    var category: ItemCategory?
    var sort: Sort

    /// The query string as sent; `parse` validates it.
    struct Parameters: Decodable, Sendable {
        var origin: String?
        var originLat: Double?
        var originLng: Double?
        var destination: String?
        var destinationLat: Double?
        var destinationLng: Double?
        var radius: Double?
        var departureFrom: String?
        var departureTo: String?
        var minWeight: Double?
        var minVolume: Double?
        var minItems: Int?
        var priceMin: Int64?
        var priceMax: Int64?
        var minRating: Double?
        var tripType: String?
        var category: String?
        var sort: String?
    }

    /// Validates the parameters; an origin or destination is given as `originLat`+`originLng` or as a place
    /// name (`origin=Paris`) the geocoder resolves.
    static func parse(_ raw: Parameters, geocoder: any Geocoder) async throws -> TripSearchQuery {
        var check = RuleCheck()
        let origin = try await SearchPoint.resolve(
            "origin", text: raw.origin, lat: raw.originLat, lng: raw.originLng, geocoder: geocoder, into: &check)
        let destination = try await SearchPoint.resolve(
            "destination", text: raw.destination, lat: raw.destinationLat, lng: raw.destinationLng,
            geocoder: geocoder, into: &check)
        let radius = raw.radius ?? defaultRadiusKm
        check.require(
            radius > 0 && radius <= maxRadiusKm, "radius must be more than 0 and at most \(Int(maxRadiusKm)) km")
        let from = ISOTimestamp.parse(raw.departureFrom, field: "departureFrom", required: false, into: &check)
        let to = ISOTimestamp.parse(raw.departureTo, field: "departureTo", required: false, into: &check)
        if let from, let to { check.require(from <= to, "departureFrom must not be after departureTo") }
        check.require((raw.minWeight ?? 0) >= 0, "minWeight must not be negative")
        check.require((raw.minVolume ?? 0) >= 0, "minVolume must not be negative")
        check.require((raw.minItems ?? 0) >= 0, "minItems must not be negative")
        check.require((raw.priceMin ?? 0) >= 0 && (raw.priceMax ?? 0) >= 0, "prices must not be negative")
        if let priceMin = raw.priceMin, let priceMax = raw.priceMax {
            check.require(priceMin <= priceMax, "priceMin must not exceed priceMax")
        }
        check.require((0...5).contains(raw.minRating ?? 0), "minRating must be between 0 and 5")
        let type = raw.tripType.flatMap(TripType.init(rawValue:))
        check.require(
            raw.tripType == nil || type != nil,
            "tripType must be one of \(TripType.allCases.map(\.rawValue).joined(separator: ", "))")
        let category = raw.category.flatMap(ItemCategory.init(rawValue:))
        check.require(raw.category == nil || category != nil, "category must be one of \(ItemCategory.list)")
        let sort = Sort(rawValue: raw.sort ?? Sort.departure.rawValue)
        check.require(sort != nil, "sort must be one of departure, price, rating, distance")
        try check.throwIfBroken()
        return TripSearchQuery(
            origin: origin, destination: destination, radiusKm: radius, departureFrom: from, departureTo: to,
            minWeight: raw.minWeight, minVolume: raw.minVolume, minItems: raw.minItems, priceMin: raw.priceMin,
            priceMax: raw.priceMax, minRating: raw.minRating, tripType: type, category: category,
            sort: sort ?? .departure)
    }
}
