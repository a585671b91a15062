import Foundation
import Platform
import Vapor

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

    /// Reads the query string; an origin or destination is given as `originLat`+`originLng` or as a place name
    /// (`origin=Paris`) the geocoder resolves.
    static func parse(_ req: Request) async throws -> TripSearchQuery {
        var check = RuleCheck()
        let origin = try await point(req, "origin", check: &check)
        let destination = try await point(req, "destination", check: &check)
        let radius = try req.query.get(Double?.self, at: "radius") ?? defaultRadiusKm
        check.require(
            radius > 0 && radius <= maxRadiusKm, "radius must be more than 0 and at most \(Int(maxRadiusKm)) km")
        let from = ISOTimestamp.parse(
            try req.query.get(String?.self, at: "departureFrom"), field: "departureFrom", required: false, into: &check)
        let to = ISOTimestamp.parse(
            try req.query.get(String?.self, at: "departureTo"), field: "departureTo", required: false, into: &check)
        if let from, let to { check.require(from <= to, "departureFrom must not be after departureTo") }
        let minWeight = try req.query.get(Double?.self, at: "minWeight")
        check.require((minWeight ?? 0) >= 0, "minWeight must not be negative")
        let minVolume = try req.query.get(Double?.self, at: "minVolume")
        check.require((minVolume ?? 0) >= 0, "minVolume must not be negative")
        let minItems = try req.query.get(Int?.self, at: "minItems")
        check.require((minItems ?? 0) >= 0, "minItems must not be negative")
        let priceMin = try req.query.get(Int64?.self, at: "priceMin")
        let priceMax = try req.query.get(Int64?.self, at: "priceMax")
        check.require((priceMin ?? 0) >= 0 && (priceMax ?? 0) >= 0, "prices must not be negative")
        if let priceMin, let priceMax { check.require(priceMin <= priceMax, "priceMin must not exceed priceMax") }
        let minRating = try req.query.get(Double?.self, at: "minRating")
        check.require((0...5).contains(minRating ?? 0), "minRating must be between 0 and 5")
        let rawType = try req.query.get(String?.self, at: "tripType")
        let type = rawType.flatMap(TripType.init(rawValue:))
        check.require(
            rawType == nil || type != nil,
            "tripType must be one of \(TripType.allCases.map(\.rawValue).joined(separator: ", "))")
        let rawCategory = try req.query.get(String?.self, at: "category")
        let category = rawCategory.flatMap(ItemCategory.init(rawValue:))
        check.require(rawCategory == nil || category != nil, "category must be one of \(ItemCategory.list)")
        let rawSort = try req.query.get(String?.self, at: "sort") ?? Sort.departure.rawValue
        let sort = Sort(rawValue: rawSort)
        check.require(sort != nil, "sort must be one of departure, price, rating, distance")
        try check.throwIfBroken()
        return TripSearchQuery(
            origin: origin, destination: destination, radiusKm: radius, departureFrom: from, departureTo: to,
            minWeight: minWeight, minVolume: minVolume, minItems: minItems, priceMin: priceMin, priceMax: priceMax,
            minRating: minRating, tripType: type, category: category, sort: sort ?? .departure)
    }

    private static func point(_ req: Request, _ name: String, check: inout RuleCheck) async throws -> GeoPoint? {
        let lat = try req.query.get(Double?.self, at: "\(name)Lat")
        let lng = try req.query.get(Double?.self, at: "\(name)Lng")
        if lat != nil || lng != nil {
            guard let lat, let lng else {
                check.fail("\(name)Lat and \(name)Lng go together")
                return nil
            }
            let point = GeoPoint(lat: lat, lng: lng)
            check.require(point.isValid, "\(name)Lat must be in -90…90 and \(name)Lng in -180…180")
            return point
        }
        guard let text = try req.query.get(String?.self, at: name), !text.isEmpty else { return nil }
        guard let place = try await req.application.geocoder.geocode(text, limit: 1).first else {
            check.fail("\(name) \"\(text)\" could not be located")
            return nil
        }
        return place.coordinates
    }
}
