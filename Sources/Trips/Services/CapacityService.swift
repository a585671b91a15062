import Fluent
import Platform

/// A trip's capacity as members see and manage it: status, fit checks, and the traveler's own holds.
///
/// A traveler may set space aside by hand (`reserve`) and give it back (`release`); space held for a booked
/// delivery is not theirs to free: only that delivery's cancellation gives it back, or the item would travel
/// on capacity the trip sold again.
struct CapacityService {
    static let maxNoteLength = 200

    let context: CallContext

    func status(of tripId: TripID, for principal: Principal) async throws -> CapacityStatus {
        let trip = try await TripService(context: context).visibleTrip(tripId.uuid, to: principal)
        var reservations: [ReservationResponse]?
        if trip.$traveler.id == principal.userId || principal.isAdmin {
            reservations = try await CapacityReservation.query(on: context.db).filter(\.$trip.$id == tripId.uuid)
                .filter(\.$status == .held).sort(\.$createdAt).all().map(ReservationResponse.init)
        }
        return CapacityStatus(
            tripId: tripId.uuid, status: trip.status,
            capacity: CapacityAmount(
                weight: trip.weightCapacity, volume: trip.volumeCapacity, items: trip.itemCapacity),
            available: trip.available,
            reserved: CapacityAmount(
                weight: trip.reservedWeight.roundedCapacity, volume: trip.reservedVolume.roundedCapacity,
                items: trip.reservedItems),
            utilization: trip.weightCapacity > 0
                ? (trip.reservedWeight / trip.weightCapacity * 1000).rounded() / 1000 : 0,
            bookable: trip.status == .upcoming, reservations: reservations)
    }

    func check(
        _ amount: CapacityAmount, on tripId: TripID, for principal: Principal
    ) async throws -> CapacityCheckResult {
        let trip = try await TripService(context: context).visibleTrip(tripId.uuid, to: principal)
        let shortfalls = TripCapacity.check(amount, against: trip)
        return CapacityCheckResult(
            fits: shortfalls.isEmpty && trip.status == .upcoming, bookable: trip.status == .upcoming,
            requested: amount, available: trip.available, shortfalls: shortfalls)
    }

    /// Sets `amount` aside on the principal's trip (any trip for an admin); the hold belongs to no delivery.
    func reserve(
        _ amount: CapacityAmount, on tripId: TripID, note rawNote: String?, by principal: Principal
    ) async throws -> CapacityReservation {
        let note = rawNote?.trimmed
        guard (note?.count ?? 0) <= Self.maxNoteLength else {
            throw APIError.validation(["note must be at most \(Self.maxNoteLength) characters"])
        }
        return try await context.transaction { tx in
            _ = try await TripService(context: tx).ownedTrip(tripId.uuid, by: principal, on: tx.db)
            return try await TripCapacity.reserve(
                amount, on: tripId, for: nil, by: principal.user, note: note, db: tx.db, now: tx.now)
        }
    }

    /// Gives back one of the trip's manual holds. Naming a booked delivery, or a hold that is one, is a 409.
    func release(
        _ input: CapacityReleaseInput, on tripId: TripID, by principal: Principal
    ) async throws
        -> CapacityReservation
    {
        guard (input.reservationId == nil) != (input.deliveryId == nil) else {
            throw APIError.validation(["give exactly one of reservationId or deliveryId"])
        }
        return try await context.transaction { tx in
            _ = try await TripService(context: tx).ownedTrip(tripId.uuid, by: principal, on: tx.db)
            let query = CapacityReservation.query(on: tx.db).filter(\.$trip.$id == tripId.uuid)
                .filter(\.$status == .held)
            if let reservationId = input.reservationId { query.filter(\.$id == reservationId) }
            if let deliveryId = input.deliveryId { query.filter(\.$deliveryId == deliveryId) }
            guard let reservation = try await query.first() else { throw TripsError.reservationNotFound }
            guard reservation.deliveryId == nil else { throw TripsError.reservationHeldForBooking }
            try await TripCapacity.release(reservation, db: tx.db, now: tx.now)
            reservation.status = .released
            reservation.releasedAt = tx.now
            return reservation
        }
    }
}
