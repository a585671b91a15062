import Fluent
import Foundation
import Platform
import SQLKit

/// Reads trips for the matching index straight through SQL (only the columns it needs, no model objects).
enum TripIndexLoader {
    struct Rows {
        /// Upcoming public trips.
        var bookable: [TripIndexEntry] = []
        /// Changed trips that can no longer be booked.
        var unbookable: [UUID] = []
    }

    private struct Row: Decodable {
        var id: UUID
        var traveler_id: UUID
        var status: String
        var visibility: String
        var origin_lat: Double
        var origin_lng: Double
        var destination_lat: Double
        var destination_lng: Double
        var departure_time: Date
        var arrival_time: Date
        var available_weight: Double
        var available_volume: Double
        var available_items: Int
        var distance_km: Double
        var currency: String
        var base_price: Int64
        var price_per_kg: Int64
        var price_per_km: Int64
        var express_multiplier: Double
        var fragile_multiplier: Double
        var restrictions: TripRestrictions
    }

    /// Trips changed at or after `since` (all upcoming trips when nil).
    static func rows(changedSince since: Date?, on db: any Database) async throws -> Rows {
        let sql = try db.sqlDatabase
        let query = sql.select()
            .columns(
                "id", "traveler_id", "status", "visibility", "origin_lat", "origin_lng", "destination_lat",
                "destination_lng", "departure_time", "arrival_time", "available_weight", "available_volume",
                "available_items", "distance_km", "currency", "base_price", "price_per_kg", "price_per_km",
                "express_multiplier", "fragile_multiplier", "restrictions"
            )
            .from(Trip.schema)
        if let since {
            query.where("updated_at", .greaterThanOrEqual, since)
        } else {
            query.where("status", .equal, TripStatus.upcoming.rawValue)
                .where("visibility", .equal, TripVisibility.public.rawValue)
        }
        var result = Rows()
        for row in try await query.all(decoding: Row.self) {
            guard row.status == TripStatus.upcoming.rawValue, row.visibility == TripVisibility.public.rawValue else {
                result.unbookable.append(row.id)
                continue
            }
            result.bookable.append(
                TripIndexEntry(
                    id: row.id, travelerId: row.traveler_id, originLat: row.origin_lat, originLng: row.origin_lng,
                    destinationLat: row.destination_lat, destinationLng: row.destination_lng,
                    departure: row.departure_time.timeIntervalSince1970,
                    arrival: row.arrival_time.timeIntervalSince1970,
                    availableWeight: Float(row.available_weight), availableVolume: Float(row.available_volume),
                    availableItems: Int32(row.available_items), distanceKm: Float(row.distance_km),
                    currency: row.currency, basePrice: row.base_price, pricePerKg: row.price_per_kg,
                    pricePerKm: row.price_per_km, expressMultiplier: Float(row.express_multiplier),
                    fragileMultiplier: Float(row.fragile_multiplier), restrictions: row.restrictions))
        }
        return result
    }
}
