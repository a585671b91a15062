import Foundation

/// Events published by the `Trips` module.

/// A traveler published a trip.
public struct TripCreated: DomainEvent {
    public static let eventType = "trips.trip_created"
    public var tripId: UUID
    public var travelerId: UUID
    public var aggregateId: UUID { tripId }

    public init(tripId: UUID, travelerId: UUID) {
        self.tripId = tripId
        self.travelerId = travelerId
    }
}

/// A traveler changed a trip's schedule, capacity, pricing or restrictions; parties of its deliveries are told.
public struct TripUpdated: DomainEvent {
    public static let eventType = "trips.trip_updated"
    public var tripId: UUID
    public var travelerId: UUID
    /// The groups of fields that changed: `schedule`, `capacity`, `pricing`, `restrictions`, `details`.
    public var changes: [String]
    public var aggregateId: UUID { tripId }

    public init(tripId: UUID, travelerId: UUID, changes: [String]) {
        self.tripId = tripId
        self.travelerId = travelerId
        self.changes = changes
    }
}

/// A trip moved along its lifecycle (`upcoming → active → completed`), by hand or by the scheduler.
public struct TripStatusChanged: DomainEvent {
    public static let eventType = "trips.trip_status_changed"
    public var tripId: UUID
    public var travelerId: UUID
    public var from: String
    public var to: String
    /// The user who moved it; nil when the scheduler did.
    public var changedBy: UUID?
    public var aggregateId: UUID { tripId }

    public init(tripId: UUID, travelerId: UUID, from: String, to: String, changedBy: UUID?) {
        self.tripId = tripId
        self.travelerId = travelerId
        self.from = from
        self.to = to
        self.changedBy = changedBy
    }
}

/// A trip was cancelled. Deliveries subscribes in the same transaction and cancels the trip's live deliveries,
/// each with its own `DeliveryCancelled` event (which the payments module refunds from).
public struct TripCancelled: DomainEvent {
    public static let eventType = "trips.trip_cancelled"
    public var tripId: UUID
    public var travelerId: UUID
    public var reason: String
    /// Who cancelled: the traveler or an admin.
    public var cancelledBy: UUID
    public var aggregateId: UUID { tripId }

    public init(tripId: UUID, travelerId: UUID, reason: String, cancelledBy: UUID) {
        self.tripId = tripId
        self.travelerId = travelerId
        self.reason = reason
        self.cancelledBy = cancelledBy
    }
}
