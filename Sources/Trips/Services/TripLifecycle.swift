import Fluent
import Platform
import Vapor

/// Moves trips along `upcoming → active → completed` and into `cancelled`, by hand and by the clock.
public struct TripLifecycle: Sendable {
    /// An active trip completes by itself this long after its planned arrival.
    public static let autoCompleteAfterArrival: TimeInterval = 12 * 3600

    let application: Application
    let requestId: String?

    /// Moves `trip` to `next` on `db` (a transaction), stamping times and publishing the change.
    /// `actor` is nil when the scheduler moves it.
    func move(_ trip: Trip, to next: TripStatus, actor: UUID?, reason: String?, on db: any Database) async throws {
        let previous = trip.status
        try previous.requireMove(to: next)
        let now = application.clock.now()
        switch next {
        case .active: trip.actualDepartureTime = now
        case .completed: trip.actualArrivalTime = now
        case .cancelled:
            trip.cancelledAt = now
            trip.cancellationReason = reason
        case .upcoming: break
        }
        trip.status = next
        try await trip.save(on: db)
        let tripId = try trip.requireID()
        let travelerId = trip.$traveler.id
        try await publish(
            TripStatusChanged(
                tripId: tripId, travelerId: travelerId, from: previous.rawValue, to: next.rawValue, changedBy: actor),
            on: db)
        if next == .cancelled {
            try await publish(
                TripCancelled(
                    tripId: tripId, travelerId: travelerId, reason: reason ?? "Cancelled",
                    cancelledBy: actor ?? travelerId),
                on: db)
        }
    }

    private func publish<Event: DomainEvent>(_ event: Event, on db: any Database) async throws {
        try await application.events.publish(event, on: db, application: application, requestId: requestId)
    }

    /// The scheduler's sweep: departed trips become active, long-arrived ones complete. Each trip moves in its
    /// own transaction, re-checked under the lock, so a traveler's concurrent manual move wins cleanly.
    static func advanceByTime(application: Application, db: any Database) async throws {
        let now = application.clock.now()
        let lifecycle = TripLifecycle(application: application, requestId: nil)
        let departed = try await Trip.query(on: db).filter(\.$status == .upcoming).filter(\.$departureTime <= now)
            .limit(500).all(\.$id)
        let arrived = try await Trip.query(on: db).filter(\.$status == .active)
            .filter(\.$arrivalTime <= now.addingTimeInterval(-autoCompleteAfterArrival)).limit(500).all(\.$id)
        for (ids, from, to) in [(departed, TripStatus.upcoming, TripStatus.active), (arrived, .active, .completed)] {
            for id in ids {
                try await db.transaction { tx in
                    try await Trip.lockRow(id, on: tx)
                    guard let trip = try await Trip.find(id, on: tx), trip.status == from else { return }
                    try await lifecycle.move(trip, to: to, actor: nil, reason: nil, on: tx)
                }
            }
        }
    }
}

extension Request {
    var tripLifecycle: TripLifecycle { TripLifecycle(application: application, requestId: requestId) }
}
