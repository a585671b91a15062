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

    /// Plain SQL text: every search reads what changed, and a builder would quote each name every time.
    static let columns = """
        id, traveler_id, status, visibility, origin_lat, origin_lng, destination_lat, destination_lng,
        departure_time, arrival_time, available_weight, available_volume, available_items, distance_km, currency,
        base_price, price_per_kg, price_per_km, express_multiplier, fragile_multiplier, restrictions
        """

    /// Rows a full load aims to read per query.
    ///
    /// The drivers decode rows on an event loop, as tasks queued behind each other: one query over a million trips
    /// held its loop (and every request and pool timer on it) for the ten seconds of the load, long enough for
    /// other queries' connection requests to time out. A window of about 2,000 rows holds it for milliseconds,
    /// and the SQLite driver buffers one window instead of the whole table.
    static let rowsPerQuery = 2_000

    /// Trips changed at or after `since`: usually none, a handful under load.
    static func rows(changedSince since: Date, on db: any Database) async throws -> Rows {
        try await read(
            try db.sqlDatabase.raw("SELECT \(unsafeRaw: columns) FROM trips WHERE updated_at >= \(bind: since)"),
            into: Rows())
    }

    /// Every upcoming public trip, read in windows of departure time: each window is a range of the
    /// `(status, departure_time)` index, half-open so that every trip falls in exactly one, and sized as it goes
    /// to hold about `rowsPerQuery` trips (no LIMIT and no sort, so no keyset to carry between queries).
    static func bookableRows(on db: any Database, rowsPerQuery: Int = rowsPerQuery) async throws -> Rows {
        let sql = try db.sqlDatabase
        let upcoming = TripStatus.upcoming.rawValue
        let bounds = try await sql.raw(
            """
            SELECT MIN(departure_time) AS first, MAX(departure_time) AS last FROM trips WHERE status = \(bind: upcoming)
            """
        ).first()
        guard let bounds, let first = try bounds.decode(column: "first", as: Date?.self),
            let last = try bounds.decode(column: "last", as: Date?.self)
        else { return Rows() }
        var rows = Rows()
        var start = first
        var span: TimeInterval = 3600
        while start <= last {
            let end = start.addingTimeInterval(span)
            let before = rows.bookable.count + rows.unbookable.count
            rows = try await read(
                sql.raw(
                    """
                    SELECT \(unsafeRaw: columns) FROM trips
                    WHERE status = \(bind: upcoming) AND visibility = \(bind: TripVisibility.public.rawValue)
                        AND departure_time >= \(bind: start) AND departure_time < \(bind: end)
                    """
                ),
                into: rows)
            let count = rows.bookable.count + rows.unbookable.count - before
            start = end
            if count > 2 * rowsPerQuery {
                span /= 2
            } else if count < rowsPerQuery / 2 {
                // Capped, so that a dense stretch after a sparse one still comes in windows of moderate size.
                span = min(span * 2, 6 * 3600)
            }
        }
        return rows
    }

    /// Runs `query`, adding its rows to `rows`. Streamed and decoded column by column: no keyed decoding
    /// container per row, and no array of driver rows kept beside the entries.
    private static func read(_ query: SQLRawBuilder, into rows: Rows) async throws -> Rows {
        let result = NIOLockedValueBox(rows)
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
        let read = result.withLockedValue { $0 }
        if let failure = read.failure { throw failure }
        return read
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
