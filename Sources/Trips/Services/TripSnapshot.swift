import Fluent
import Foundation
import Platform
import SQLKit

/// The columns of a trip that matching re-checks and shows, read straight through SQL: on the find-matches path
/// a full `Trip` model (sixty columns through Fluent's reflection) costs more than the matching itself.
public struct TripSnapshot: Sendable {
    public var id: UUID
    public var travelerId: UUID
    public var status: TripStatus
    public var visibility: TripVisibility
    public var title: String
    public var tripType: TripType
    public var origin: TripResponse.Place
    public var destination: TripResponse.Place
    public var departureTime: Date
    public var arrivalTime: Date
    public var available: CapacityAmount
    public var currency: Currency
    public var autoAccept: Bool
    public var autoAcceptPrice: Int64?

    /// Whether `amount` fits in what is free (the same tolerance as reservations).
    public func fits(_ amount: CapacityAmount) -> Bool {
        amount.weight <= available.weight + TripCapacity.tolerance
            && amount.volume <= available.volume + TripCapacity.tolerance && amount.items <= available.items
    }

    /// The snapshots of `ids` that exist, by id.
    public static func load(_ ids: [UUID], on db: any Database) async throws -> [UUID: TripSnapshot] {
        guard !ids.isEmpty else { return [:] }
        // Plain SQL text: every search runs it, and a builder would quote each column name every time.
        let rows = try await db.sqlDatabase.raw(
            """
            SELECT id, traveler_id, status, visibility, title, trip_type, origin_address, origin_lat, origin_lng,
                origin_airport, origin_terminal, destination_address, destination_lat, destination_lng,
                destination_airport, destination_terminal, departure_time, arrival_time, available_weight,
                available_volume, available_items, currency, auto_accept, auto_accept_price
            FROM trips WHERE id IN (\(binds: ids))
            """
        ).all()
        var result: [UUID: TripSnapshot] = [:]
        for row in rows {
            func place(_ end: String) throws -> TripResponse.Place {
                TripResponse.Place(
                    address: try row.decode(column: "\(end)_address", as: String.self),
                    coordinates: GeoPoint(
                        lat: try row.decode(column: "\(end)_lat", as: Double.self),
                        lng: try row.decode(column: "\(end)_lng", as: Double.self)),
                    airport: try row.decode(column: "\(end)_airport", as: String?.self),
                    terminal: try row.decode(column: "\(end)_terminal", as: String?.self), details: nil)
            }
            guard let status = TripStatus(rawValue: try row.decode(column: "status", as: String.self)),
                let visibility = TripVisibility(rawValue: try row.decode(column: "visibility", as: String.self)),
                let type = TripType(rawValue: try row.decode(column: "trip_type", as: String.self))
            else { continue }
            let snapshot = TripSnapshot(
                id: try row.decode(column: "id", as: UUID.self),
                travelerId: try row.decode(column: "traveler_id", as: UUID.self), status: status,
                visibility: visibility, title: try row.decode(column: "title", as: String.self), tripType: type,
                origin: try place("origin"), destination: try place("destination"),
                departureTime: try row.decode(column: "departure_time", as: Date.self),
                arrivalTime: try row.decode(column: "arrival_time", as: Date.self),
                available: CapacityAmount(
                    weight: try row.decode(column: "available_weight", as: Double.self).roundedCapacity,
                    volume: try row.decode(column: "available_volume", as: Double.self).roundedCapacity,
                    items: try row.decode(column: "available_items", as: Int.self)),
                currency: Currency(code: try row.decode(column: "currency", as: String.self)) ?? .eur,
                autoAccept: try row.decode(column: "auto_accept", as: Bool.self),
                autoAcceptPrice: try row.decode(column: "auto_accept_price", as: Int64?.self))
            result[snapshot.id] = snapshot
        }
        return result
    }
}
