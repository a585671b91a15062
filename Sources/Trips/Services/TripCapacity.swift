import Fluent
import Foundation
import Platform
import SQLKit

/// Reserving and releasing trip capacity, atomically and never beyond what is free.
///
/// A reservation is one conditional `UPDATE … WHERE available >= wanted RETURNING id`: whichever of two
/// concurrent reservations commits second finds the row already changed and gets nothing back, on SQLite
/// (where writers are serialized) and on PostgreSQL (where the second writer re-reads the row it waited for).
/// Call these with a transaction's database so the hold commits together with what it is for.
public enum TripCapacity {
    /// Floating-point slack for kilogram and litre comparisons: capacities are kept to the gram and the
    /// millilitre, so anything below that is arithmetic noise.
    static let tolerance = 0.000_5

    /// Takes `amount` from the trip's free capacity and records who holds it.
    @discardableResult
    public static func reserve(
        _ amount: CapacityAmount, on trip: TripID, for delivery: DeliveryID? = nil, by user: UserID,
        note: String? = nil, db: any Database, now: Date
    ) async throws -> CapacityReservation {
        let tripId = trip.uuid
        let updated = try await db.sqlDatabase.raw(
            """
            UPDATE trips SET
                available_weight = available_weight - \(bind: amount.weight),
                available_volume = available_volume - \(bind: amount.volume),
                available_items = available_items - \(bind: amount.items),
                updated_at = \(bind: Date())
            WHERE id = \(bind: tripId) AND status = \(bind: TripStatus.upcoming.rawValue)
                AND available_weight >= \(bind: amount.weight - tolerance)
                AND available_volume >= \(bind: amount.volume - tolerance)
                AND available_items >= \(bind: amount.items)
            RETURNING id
            """
        ).all()
        guard !updated.isEmpty else {
            guard let trip = try await Trip.find(tripId, on: db) else { throw TripsError.tripNotFound }
            guard trip.status == .upcoming else { throw TripsError.tripNotBookable(status: trip.status) }
            throw TripsError.insufficientCapacity(available: trip.available)
        }
        let reservation = CapacityReservation(
            tripId: tripId, amount: amount, deliveryId: delivery?.uuid, reservedBy: user.uuid, note: note, at: now)
        try await reservation.create(on: db)
        return reservation
    }

    /// Gives a held reservation's capacity back to its trip; releasing twice is refused.
    public static func release(_ reservation: CapacityReservation, db: any Database, now: Date) async throws {
        let id = try reservation.requireID()
        let released = try await db.sqlDatabase.raw(
            """
            UPDATE trip_capacity_reservations SET status = \(bind: CapacityReservation.Status.released.rawValue), released_at = \(bind: now)
            WHERE id = \(bind: id) AND status = \(bind: CapacityReservation.Status.held.rawValue)
            RETURNING id
            """
        ).all()
        guard !released.isEmpty else { throw TripsError.reservationNotFound }
        let amount = reservation.amount
        // Capped at the capacity, in case the traveler lowered it while this was held.
        try await db.sqlDatabase.raw(
            """
            UPDATE trips SET
                available_weight = CASE WHEN available_weight + \(bind: amount.weight) > weight_capacity
                    THEN weight_capacity ELSE available_weight + \(bind: amount.weight) END,
                available_volume = CASE WHEN available_volume + \(bind: amount.volume) > volume_capacity
                    THEN volume_capacity ELSE available_volume + \(bind: amount.volume) END,
                available_items = CASE WHEN available_items + \(bind: amount.items) > item_capacity
                    THEN item_capacity ELSE available_items + \(bind: amount.items) END,
                updated_at = \(bind: Date())
            WHERE id = \(bind: reservation.$trip.id)
            """
        ).run()
    }

    /// Releases whatever `deliveryId` holds; false when it held nothing.
    @discardableResult
    public static func release(forDelivery delivery: DeliveryID, db: any Database, now: Date) async throws -> Bool {
        guard
            let reservation = try await CapacityReservation.query(on: db)
                .filter(\.$deliveryId == delivery.uuid).filter(\.$status == .held).first()
        else { return false }
        try await release(reservation, db: db, now: now)
        return true
    }

    /// Whether `amount` fits in what the trip has free, and which dimensions fall short.
    public static func check(_ amount: CapacityAmount, against trip: Trip) -> [String] {
        var short: [String] = []
        if amount.weight > trip.availableWeight + tolerance {
            short.append("weight: \(amount.weight) kg wanted, \(trip.availableWeight.roundedCapacity) kg free")
        }
        if amount.volume > trip.availableVolume + tolerance {
            short.append("volume: \(amount.volume) l wanted, \(trip.availableVolume.roundedCapacity) l free")
        }
        if amount.items > trip.availableItems {
            short.append("items: \(amount.items) wanted, \(trip.availableItems) free")
        }
        return short
    }
}

extension Trip {
    /// What is free right now.
    public var available: CapacityAmount {
        CapacityAmount(
            weight: availableWeight.roundedCapacity, volume: availableVolume.roundedCapacity, items: availableItems)
    }
}

extension Double {
    /// Kilograms or litres to three decimals (grams, millilitres): hides floating-point noise in responses.
    public var roundedCapacity: Double { (self * 1000).rounded() / 1000 }
}
