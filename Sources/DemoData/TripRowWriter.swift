import Fluent
import Foundation
import Platform
import Trips

/// Writes `TripPlan`s to `trips` as upcoming public trips, in multi-row statements (a million trips load in
/// minutes rather than hours of one-row inserts).
public enum TripRowWriter {
    static let columns = [
        "id", "traveler_id", "title", "trip_type", "status", "origin_address", "origin_coordinates", "origin_lat",
        "origin_lng", "origin_airport", "destination_address", "destination_coordinates", "destination_lat",
        "destination_lng", "destination_airport", "distance_km", "departure_time", "arrival_time",
        "estimated_duration", "weight_capacity", "volume_capacity", "item_capacity", "available_weight",
        "available_volume", "available_items", "currency", "base_price", "price_per_kg", "price_per_km",
        "express_multiplier", "fragile_multiplier", "restrictions", "preferences", "is_recurring", "visibility",
        "auto_accept", "auto_accept_price", "tags", "created_at", "updated_at",
    ]

    /// Inserts `plans`; call it inside a transaction when they must appear together.
    public static func insert(_ plans: [TripPlan], at now: Date, on db: any Database) async throws {
        try await BulkInsert.run(into: Trip.schema, columns: columns, rows: plans.map { row($0, now: now) }, on: db)
    }

    private static func row(_ plan: TripPlan, now: Date) -> [any Encodable & Sendable] {
        let minutes = Int((plan.arrival.timeIntervalSince(plan.departure) / 60).rounded())
        let preferences: [String: JSONValue] = [:]
        return [
            plan.id, plan.travelerId, plan.title, plan.tripType.rawValue, TripStatus.upcoming.rawValue,
            plan.originAddress, plan.origin, plan.origin.lat, plan.origin.lng, plan.originAirport,
            plan.destinationAddress, plan.destination, plan.destination.lat, plan.destination.lng,
            plan.destinationAirport, plan.distanceKm, plan.departure, plan.arrival, minutes, plan.weightCapacity,
            plan.volumeCapacity, plan.itemCapacity, plan.weightCapacity, plan.volumeCapacity, plan.itemCapacity,
            plan.currency, plan.basePrice, plan.pricePerKg, plan.pricePerKm, plan.expressMultiplier,
            plan.fragileMultiplier, plan.restrictions, preferences, false, TripVisibility.public.rawValue,
            plan.autoAcceptPrice != nil, plan.autoAcceptPrice, plan.tags, now, now,
        ]
    }
}
