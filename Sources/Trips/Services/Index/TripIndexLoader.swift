import Fluent
import Foundation
import NIOConcurrencyHelpers
import Platform
import SQLKit

/// Reads trips for the matching index straight through SQL (only the columns it needs, no model objects).
enum TripIndexLoader {
    struct Rows {
        /// Upcoming public trips.
        var bookable: [TripIndexEntry] = []
        /// Changed trips that can no longer be booked.
        var unbookable: [UUID] = []
        /// The first row that did not decode.
        var failure: (any Error)?
    }

    static let columns = [
        "id", "traveler_id", "status", "visibility", "origin_lat", "origin_lng", "destination_lat",
        "destination_lng", "departure_time", "arrival_time", "available_weight", "available_volume",
        "available_items", "distance_km", "currency", "base_price", "price_per_kg", "price_per_km",
        "express_multiplier", "fragile_multiplier", "restrictions",
    ]

    /// Trips changed at or after `since` (all upcoming trips when nil).
    static func rows(changedSince since: Date?, on db: any Database) async throws -> Rows {
        let query = try db.sqlDatabase.select().columns(columns).from(Trip.schema)
        if let since {
            query.where("updated_at", .greaterThanOrEqual, since)
        } else {
            query.where("status", .equal, TripStatus.upcoming.rawValue)
                .where("visibility", .equal, TripVisibility.public.rawValue)
        }
        // Streamed and decoded column by column: no keyed decoding container per row, and no array of driver
        // rows kept beside the entries (SQLite's driver still queues the rows it hands over).
        let result = NIOLockedValueBox(Rows())
        try await query.run { row in
            do {
                let id = try row.decode(column: "id", as: UUID.self)
                let entry = try Self.entry(row, id: id)
                result.withLockedValue { rows in
                    if let entry { rows.bookable.append(entry) } else { rows.unbookable.append(id) }
                }
            } catch {
                result.withLockedValue { $0.failure = $0.failure ?? error }
            }
        }
        let rows = result.withLockedValue { $0 }
        if let failure = rows.failure { throw failure }
        return rows
    }

    /// The entry of a bookable row; nil for a row that can no longer be booked.
    private static func entry(_ row: any SQLRow, id: UUID) throws -> TripIndexEntry? {
        let status = try row.decode(column: "status", as: String.self)
        let visibility = try row.decode(column: "visibility", as: String.self)
        guard status == TripStatus.upcoming.rawValue, visibility == TripVisibility.public.rawValue else { return nil }
        return TripIndexEntry(
            id: id, travelerId: try row.decode(column: "traveler_id", as: UUID.self),
            originLat: try row.decode(column: "origin_lat", as: Double.self),
            originLng: try row.decode(column: "origin_lng", as: Double.self),
            destinationLat: try row.decode(column: "destination_lat", as: Double.self),
            destinationLng: try row.decode(column: "destination_lng", as: Double.self),
            departure: try row.decode(column: "departure_time", as: Date.self).timeIntervalSince1970,
            arrival: try row.decode(column: "arrival_time", as: Date.self).timeIntervalSince1970,
            availableWeight: Float(try row.decode(column: "available_weight", as: Double.self)),
            availableVolume: Float(try row.decode(column: "available_volume", as: Double.self)),
            availableItems: Int32(try row.decode(column: "available_items", as: Int.self)),
            distanceKm: Float(try row.decode(column: "distance_km", as: Double.self)),
            currency: try row.decode(column: "currency", as: String.self),
            basePrice: try row.decode(column: "base_price", as: Int64.self),
            pricePerKg: try row.decode(column: "price_per_kg", as: Int64.self),
            pricePerKm: try row.decode(column: "price_per_km", as: Int64.self),
            expressMultiplier: Float(try row.decode(column: "express_multiplier", as: Double.self)),
            fragileMultiplier: Float(try row.decode(column: "fragile_multiplier", as: Double.self)),
            restrictions: try row.decode(column: "restrictions", as: TripRestrictions.self))
    }
}
