import Fluent
import Foundation
import Platform
import SQLKit

/// Sums over a traveler's trips per status, computed by the database.
struct TripTotals: Sendable {
    struct Row: Decodable, Sendable {
        var status: String
        var tripCount: Int
        var distance: Double?
        var duration: Int?
        var weightCapacity: Double?
        var availableWeight: Double?
        var volumeCapacity: Double?
        var availableVolume: Double?
        var itemCapacity: Int?
        var availableItems: Int?

        enum CodingKeys: String, CodingKey {
            case status, distance, duration
            case tripCount = "trip_count"
            case weightCapacity = "weight_capacity"
            case availableWeight = "available_weight"
            case volumeCapacity = "volume_capacity"
            case availableVolume = "available_volume"
            case itemCapacity = "item_capacity"
            case availableItems = "available_items"
        }
    }

    var rows: [Row]

    /// The traveler's trips, or those departing in `period` when given. Integer sums are cast back to BIGINT:
    /// PostgreSQL sums BIGINT columns into NUMERIC.
    static func load(travelerId: UUID, period: Range<Date>? = nil, on db: any Database) async throws -> TripTotals {
        var sql: SQLQueryString = """
            SELECT status, COUNT(*) AS trip_count, SUM(distance_km) AS distance,
                CAST(SUM(estimated_duration) AS BIGINT) AS duration,
                SUM(weight_capacity) AS weight_capacity, SUM(available_weight) AS available_weight,
                SUM(volume_capacity) AS volume_capacity, SUM(available_volume) AS available_volume,
                CAST(SUM(item_capacity) AS BIGINT) AS item_capacity,
                CAST(SUM(available_items) AS BIGINT) AS available_items
            FROM trips WHERE traveler_id = \(bind: travelerId)
            """
        if let period {
            sql += " AND departure_time >= \(bind: period.lowerBound) AND departure_time < \(bind: period.upperBound)"
        }
        sql += " GROUP BY status"
        return TripTotals(rows: try await db.sqlDatabase.raw(sql).all(decoding: Row.self))
    }

    var tripCount: Int { rows.reduce(0) { $0 + $1.tripCount } }

    /// Every status with its count, zero included.
    var byStatus: [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: TripStatus.allCases.map { ($0.rawValue, 0) })
        for row in rows { counts[row.status, default: 0] += row.tripCount }
        return counts
    }

    /// The rows of trips that happen (or happened): cancelled trips offer no capacity and travel no distance.
    var live: [Row] { rows.filter { $0.status != TripStatus.cancelled.rawValue } }

    func distance(status: TripStatus? = nil) -> Double {
        let selected = status.map { wanted in rows.filter { $0.status == wanted.rawValue } } ?? live
        return (selected.reduce(0) { $0 + ($1.distance ?? 0) } * 10).rounded() / 10
    }

    var liveTripCount: Int { live.reduce(0) { $0 + $1.tripCount } }
    var liveDuration: Int { live.reduce(0) { $0 + ($1.duration ?? 0) } }

    /// Capacity offered and reserved over trips not cancelled.
    var capacity: CapacityUsage {
        let weight = live.reduce(0) { $0 + ($1.weightCapacity ?? 0) }
        let volume = live.reduce(0) { $0 + ($1.volumeCapacity ?? 0) }
        let items = live.reduce(0) { $0 + ($1.itemCapacity ?? 0) }
        let reservedWeight = max(0, weight - live.reduce(0) { $0 + ($1.availableWeight ?? 0) })
        let reservedVolume = max(0, volume - live.reduce(0) { $0 + ($1.availableVolume ?? 0) })
        let reservedItems = max(0, items - live.reduce(0) { $0 + ($1.availableItems ?? 0) })
        return CapacityUsage(
            offered: CapacityAmount(weight: weight.roundedCapacity, volume: volume.roundedCapacity, items: items),
            reserved: CapacityAmount(
                weight: reservedWeight.roundedCapacity, volume: reservedVolume.roundedCapacity, items: reservedItems),
            utilization: CapacityUsage.Utilization(
                weight: Self.share(reservedWeight, of: weight), volume: Self.share(reservedVolume, of: volume),
                items: Self.share(Double(reservedItems), of: Double(items))))
    }

    /// `part / whole` to three decimals; 0 when there is no whole.
    static func share(_ part: Double, of whole: Double) -> Double {
        whole > 0 ? (part / whole * 1000).rounded() / 1000 : 0
    }
}
