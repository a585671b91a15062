import Fluent
import Foundation
import Platform
import SQLKit

/// The life of a delivery's tracking: created at booking (with its pickup and drop fences), started by the
/// traveler on the way to the pickup or by the pickup itself, stopped at the drop, a cancellation, or by the
/// traveler; and who may read it.
public struct TrackingSessions: Sendable {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// What `Deliveries` tells the module when it books a delivery.
    public struct Booking: Sendable {
        public var deliveryId: UUID
        public var customerId: UUID
        public var travelerId: UUID
        public var tripType: String
        public var pickup: GeoPoint
        public var drop: GeoPoint
        public var pickupWindow: ClosedRange<Date>?
        public var dropWindow: ClosedRange<Date>?
        public var pickupName: String
        public var dropName: String

        public init(
            deliveryId: UUID, customerId: UUID, travelerId: UUID, tripType: String, pickup: GeoPoint, drop: GeoPoint,
            pickupWindow: ClosedRange<Date>?, dropWindow: ClosedRange<Date>?, pickupName: String, dropName: String
        ) {
            self.deliveryId = deliveryId
            self.customerId = customerId
            self.travelerId = travelerId
            self.tripType = tripType
            self.pickup = pickup
            self.drop = drop
            self.pickupWindow = pickupWindow
            self.dropWindow = dropWindow
            self.pickupName = pickupName
            self.dropName = dropName
        }
    }

    /// Records a booked delivery and its pickup and drop fences, in the booking's transaction.
    public func register(_ booking: Booking) async throws {
        let session = TrackingSession()
        session.id = booking.deliveryId
        session.customerId = booking.customerId
        session.travelerId = booking.travelerId
        session.tripType = booking.tripType
        session.status = .booked
        session.phase = .toPickup
        session.pickupLat = booking.pickup.lat
        session.pickupLng = booking.pickup.lng
        session.dropLat = booking.drop.lat
        session.dropLng = booking.drop.lng
        session.pickupWindowStart = booking.pickupWindow?.lowerBound
        session.pickupWindowEnd = booking.pickupWindow?.upperBound
        session.dropWindowStart = booking.dropWindow?.lowerBound
        session.dropWindowEnd = booking.dropWindow?.upperBound
        session.distanceMeters = 0
        session.pointCount = 0
        session.flaggedCount = 0
        session.settings = [:]
        session.createdAt = context.now
        session.updatedAt = context.now
        try await session.create(on: context.db)
        try await DeliveryFences(context: context).create(for: booking)
    }

    /// The session as a party (or an admin) may read it; 404 for anyone else, who may not learn it exists.
    public func readable(_ deliveryId: UUID) async throws -> TrackingSession {
        let principal = try context.requirePrincipal()
        guard let session = try await TrackingSession.find(deliveryId, on: context.db),
            principal.isAdmin || session.isParty(principal.userId)
        else { throw LocationError.deliveryNotFound }
        return session
    }

    /// The session, locked for this transaction's update on PostgreSQL (SQLite's writer is alone anyway).
    func lockedForWriting(_ deliveryId: UUID) async throws -> TrackingSession {
        if context.db.isPostgres {
            try await context.db.sqlDatabase.raw(
                "SELECT delivery_id FROM tracking_sessions WHERE delivery_id = \(bind: deliveryId) FOR UPDATE"
            ).run()
        }
        guard let session = try await TrackingSession.find(deliveryId, on: context.db) else {
            throw LocationError.deliveryNotFound
        }
        return session
    }

    /// The traveler starts sharing their position (on the way to the pickup); options are kept on the session.
    public func start(_ deliveryId: UUID, settings: [String: JSONValue]) async throws -> TrackingSession {
        let principal = try context.requirePrincipal()
        return try await context.transaction { context in
            let sessions = TrackingSessions(context: context)
            let session = try await sessions.lockedForWriting(deliveryId)
            guard session.isParty(principal.userId) || principal.isAdmin else { throw LocationError.deliveryNotFound }
            guard session.travelerId == principal.userId else { throw LocationError.notTraveler }
            // A traveler who paused may share again until the delivery is over.
            guard session.phase != .finished else { throw LocationError.trackingAlreadyStopped }
            session.settings = session.settings.merging(settings) { $1 }
            if session.status != .active { try await sessions.activate(session, reason: "traveler") }
            session.updatedAt = context.now
            try await session.save(on: context.db)
            return session
        }
    }

    /// The traveler (or an admin) stops tracking before the drop.
    public func stop(_ deliveryId: UUID, reason: String?) async throws -> TrackingSession {
        let principal = try context.requirePrincipal()
        return try await context.transaction { context in
            let sessions = TrackingSessions(context: context)
            let session = try await sessions.lockedForWriting(deliveryId)
            guard session.isParty(principal.userId) || principal.isAdmin else { throw LocationError.deliveryNotFound }
            guard session.travelerId == principal.userId || principal.isAdmin else { throw LocationError.notTraveler }
            guard session.status != .stopped else { throw LocationError.trackingAlreadyStopped }
            try await sessions.finish(session, reason: reason ?? "stopped_by_traveler", phase: session.phase)
            return session
        }
    }

    /// Moves tracking with the delivery: on at pickup, off at the drop or a cancellation.
    func follow(deliveryId: UUID, to status: String) async throws {
        guard let session = try await TrackingSession.find(deliveryId, on: context.db) else { return }
        switch status {
        case "picked_up", "in_transit":
            session.phase = .withItem
            session.pickedUpAt = session.pickedUpAt ?? context.now
            if session.status != .active { try await activate(session, reason: "pickup") }
            session.updatedAt = context.now
            try await session.save(on: context.db)
        case "delivered", "completed", "cancelled", "refunded":
            guard session.status != .stopped else { return }
            try await finish(session, reason: status, phase: .finished)
        default:
            return
        }
    }

    private func activate(_ session: TrackingSession, reason: String) async throws {
        session.status = .active
        session.startedAt = session.startedAt ?? context.now
        try await LocationBroadcast(context: context).tracking("tracking.started", session, reason: reason)
    }

    private func finish(_ session: TrackingSession, reason: String, phase: TrackingPhase) async throws {
        session.status = .stopped
        session.phase = phase
        session.stoppedAt = context.now
        session.stopReason = reason
        session.updatedAt = context.now
        try await session.save(on: context.db)
        try await DeliveryFences(context: context).retire(of: try session.requireID())
        try await LocationBroadcast(context: context).tracking("tracking.stopped", session, reason: reason)
    }
}
