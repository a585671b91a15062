import Fluent
import Platform
import Vapor

/// Moves trips along `upcoming → active → completed` and into `cancelled`, by hand and by the clock.
public struct TripLifecycle: Sendable {
    /// An active trip completes by itself this long after its planned arrival.
    public static let autoCompleteAfterArrival: TimeInterval = 12 * 3600

    /// Call it with a transaction's context: the move and its events commit together.
    let context: CallContext

    /// Moves `trip` to `next`, stamping times and publishing the change. `actor` is nil when the scheduler
    /// moves it.
    func move(_ trip: Trip, to next: TripStatus, actor: UUID?, reason: String?) async throws {
        let previous = trip.status
        try previous.requireMove(to: next)
        let now = context.now
        switch next {
        case .active: trip.actualDepartureTime = now
        case .completed: trip.actualArrivalTime = now
        case .cancelled:
            trip.cancelledAt = now
            trip.cancellationReason = reason
        case .upcoming: break
        }
        trip.status = next
        try await trip.save(on: context.db)
        let tripId = try trip.requireID()
        let travelerId = trip.$traveler.id
        try await context.publish(
            TripStatusChanged(
                tripId: tripId, travelerId: travelerId, from: previous.rawValue, to: next.rawValue, changedBy: actor))
        if next == .cancelled {
            try await context.publish(
                TripCancelled(
                    tripId: tripId, travelerId: travelerId, reason: reason ?? "Cancelled",
                    cancelledBy: actor ?? travelerId))
        }
    }

    /// The scheduler's sweep: departed trips become active, long-arrived ones complete. Each trip moves in its
    /// own transaction, re-checked under the lock, so a traveler's concurrent manual move wins cleanly.
    static func advanceByTime(context: CallContext) async throws {
        let now = context.now
        let db = context.db
        let departed = try await Trip.query(on: db).filter(\.$status == .upcoming).filter(\.$departureTime <= now)
            .limit(500).all(\.$id)
        let arrived = try await Trip.query(on: db).filter(\.$status == .active)
            .filter(\.$arrivalTime <= now.addingTimeInterval(-autoCompleteAfterArrival)).limit(500).all(\.$id)
        for (ids, from, to) in [(departed, TripStatus.upcoming, TripStatus.active), (arrived, .active, .completed)] {
            for id in ids {
                try await db.transaction { tx in
                    try await Trip.lockRow(id, on: tx)
                    guard let trip = try await Trip.find(id, on: tx), trip.status == from else { return }
                    try await TripLifecycle(context: context.on(tx)).move(trip, to: to, actor: nil, reason: nil)
                }
            }
        }
    }
}
