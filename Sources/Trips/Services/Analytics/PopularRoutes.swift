import Fluent
import Foundation
import Platform
import SQLKit

/// Origin → destination city pairs, counted over trips.
///
/// The database groups trips by 0.1° cells of both ends (about 11 km) and currency, busiest first; each cell's
/// centre is then named by the geocoder's nearest city, and cells naming the same cities merge, so two trips from
/// different districts of one city count as one route. Cancelled trips do not count.
struct PopularRoutes {
    /// Which trips count.
    enum Scope {
        /// Public trips departing since the date: the market.
        case market(since: Date)
        /// One traveler's trips departing since the date, public or not: their own history.
        case traveler(UUID, since: Date)
    }

    /// One merged city pair.
    struct Route: Sendable {
        var origin: RoutePlace
        var destination: RoutePlace
        var tripCount = 0
        var upcomingTrips = 0
        var distanceKm = 0.0
        /// Per currency: trips, and sums of base and per-kg prices.
        var prices: [String: (trips: Int, base: Int64, perKg: Int64)] = [:]

        /// Average prices in `currency`, if any trip on the route used it.
        func pricing(in currency: String) throws -> RoutePricing? {
            guard let sums = prices[currency], sums.trips > 0, let unit = Currency(code: currency) else { return nil }
            return RoutePricing(
                currency: currency, trips: sums.trips,
                averageBasePrice: try Self.average(sums.base, over: sums.trips, in: unit),
                averagePricePerKg: try Self.average(sums.perKg, over: sums.trips, in: unit))
        }

        /// `sum / count` rounded half to even. The division happens first, in `Decimal`, so an exact half stays
        /// a half (a factor of 1/6 would not be exact).
        private static func average(_ sum: Int64, over count: Int, in currency: Currency) throws -> Money {
            try Money(amount: 1, currency: currency).multiplied(by: Decimal(sum) / Decimal(count))
        }

        var response: PopularRouteResponse {
            get throws {
                PopularRouteResponse(
                    origin: origin, destination: destination, tripCount: tripCount, upcomingTrips: upcomingTrips,
                    averageDistanceKm: tripCount > 0 ? (distanceKm / Double(tripCount) * 10).rounded() / 10 : 0,
                    pricing: try prices.keys.sorted().compactMap { try pricing(in: $0) })
            }
        }
    }

    private struct Row: Decodable {
        var origin_cell_lat: Double
        var origin_cell_lng: Double
        var destination_cell_lat: Double
        var destination_cell_lng: Double
        var currency: String
        var trip_count: Int
        var upcoming: Int
        var distance: Double
        var base_price: Int64
        var price_per_kg: Int64
    }

    /// Cells per degree: 10 makes 0.1° cells.
    static let cellsPerDegree = 10.0
    /// The most cell groups read from the database before naming and merging.
    static let maxGroups = 500

    let db: any Database
    let geocoder: any Geocoder

    /// The busiest `limit` routes of `scope`, busiest first (ties: more upcoming trips, then by name).
    func routes(_ scope: Scope, limit: Int) async throws -> [Route] {
        // `* 10` is `cellsPerDegree`.
        var sql: SQLQueryString = """
            SELECT ROUND(origin_lat * 10) AS origin_cell_lat, ROUND(origin_lng * 10) AS origin_cell_lng,
                ROUND(destination_lat * 10) AS destination_cell_lat,
                ROUND(destination_lng * 10) AS destination_cell_lng,
                currency, COUNT(*) AS trip_count,
                SUM(CASE WHEN status = \(bind: TripStatus.upcoming.rawValue) THEN 1 ELSE 0 END) AS upcoming,
                SUM(distance_km) AS distance, CAST(SUM(base_price) AS BIGINT) AS base_price,
                CAST(SUM(price_per_kg) AS BIGINT) AS price_per_kg
            FROM trips WHERE status <> \(bind: TripStatus.cancelled.rawValue)
            """
        switch scope {
        case .market(let since):
            sql += " AND visibility = \(bind: TripVisibility.public.rawValue) AND departure_time >= \(bind: since)"
        case .traveler(let travelerId, let since):
            sql += " AND traveler_id = \(bind: travelerId) AND departure_time >= \(bind: since)"
        }
        sql += """
             GROUP BY ROUND(origin_lat * 10), ROUND(origin_lng * 10), ROUND(destination_lat * 10),
                ROUND(destination_lng * 10), currency
            ORDER BY trip_count DESC LIMIT \(literal: Self.maxGroups)
            """
        let rows = try await db.sqlDatabase.raw(sql).all(decoding: Row.self)
        var names: [GeoPoint: RoutePlace] = [:]
        var merged: [String: Route] = [:]
        for row in rows {
            let origin = try await place(row.origin_cell_lat, row.origin_cell_lng, names: &names)
            let destination = try await place(row.destination_cell_lat, row.destination_cell_lng, names: &names)
            let key = "\(origin.key)→\(destination.key)"
            var route = merged[key] ?? Route(origin: origin, destination: destination)
            route.tripCount += row.trip_count
            route.upcomingTrips += row.upcoming
            route.distanceKm += row.distance
            let sums = route.prices[row.currency] ?? (0, 0, 0)
            route.prices[row.currency] = (
                sums.trips + row.trip_count, sums.base + row.base_price, sums.perKg + row.price_per_kg
            )
            merged[key] = route
        }
        let ordered = merged.values.sorted { lhs, rhs in
            if lhs.tripCount != rhs.tripCount { return lhs.tripCount > rhs.tripCount }
            if lhs.upcomingTrips != rhs.upcomingTrips { return lhs.upcomingTrips > rhs.upcomingTrips }
            return (lhs.origin.name, lhs.destination.name) < (rhs.origin.name, rhs.destination.name)
        }
        return Array(ordered.prefix(limit))
    }

    /// The city nearest a cell's centre, or the centre's coordinates when no known city is near.
    private func place(
        _ latCell: Double, _ lngCell: Double, names: inout [GeoPoint: RoutePlace]
    ) async throws
        -> RoutePlace
    {
        let centre = GeoPoint(lat: latCell / Self.cellsPerDegree, lng: lngCell / Self.cellsPerDegree)
        if let known = names[centre] { return known }
        let found = try await geocoder.reverseGeocode(centre)
        let place =
            found.map {
                RoutePlace(name: $0.name, country: $0.country, countryCode: $0.countryCode, coordinates: $0.coordinates)
            }
            ?? RoutePlace(
                name: String(format: "%.1f, %.1f", centre.lat, centre.lng), country: nil, countryCode: nil,
                coordinates: centre)
        names[centre] = place
        return place
    }
}

extension RoutePlace {
    /// Identity for merging: the city and its country (two Londons stay apart).
    var key: String { "\(name)|\(countryCode ?? "")" }
}
