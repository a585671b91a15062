import Foundation

/// Events published by the `Location` module.

/// A tracked delivery's device entered, left or stayed in a geofence; notifications turn a pickup or drop
/// fence's events into "arrived at pickup" and "the traveler is nearly there".
public struct GeofenceCrossed: DomainEvent {
    public static let eventType = "location.geofence_crossed"
    public var eventId: UUID
    public var geofenceId: UUID
    /// `pickup`, `delivery`, `milestone` or `custom`.
    public var geofenceType: String
    public var geofenceName: String
    /// `enter`, `exit` or `dwell`.
    public var crossing: String
    public var deliveryId: UUID
    public var customerId: UUID
    public var travelerId: UUID
    /// The timestamp of the point that caused it.
    public var at: Date
    public var aggregateId: UUID { deliveryId }

    public init(
        eventId: UUID, geofenceId: UUID, geofenceType: String, geofenceName: String, crossing: String,
        deliveryId: UUID, customerId: UUID, travelerId: UUID, at: Date
    ) {
        self.eventId = eventId
        self.geofenceId = geofenceId
        self.geofenceType = geofenceType
        self.geofenceName = geofenceName
        self.crossing = crossing
        self.deliveryId = deliveryId
        self.customerId = customerId
        self.travelerId = travelerId
        self.at = at
    }
}

/// A member reported an emergency; admins are alerted at once and the other party is told.
public struct EmergencyReported: DomainEvent {
    public static let eventType = "location.emergency_reported"
    public var emergencyId: UUID
    public var reporterId: UUID
    public var deliveryId: UUID?
    /// The delivery's other party, when the emergency is about a delivery.
    public var otherPartyId: UUID?
    public var emergencyType: String
    public var severity: String
    public var requiresAssistance: Bool
    public var aggregateId: UUID { emergencyId }

    public init(
        emergencyId: UUID, reporterId: UUID, deliveryId: UUID?, otherPartyId: UUID?, emergencyType: String,
        severity: String, requiresAssistance: Bool
    ) {
        self.emergencyId = emergencyId
        self.reporterId = reporterId
        self.deliveryId = deliveryId
        self.otherPartyId = otherPartyId
        self.emergencyType = emergencyType
        self.severity = severity
        self.requiresAssistance = requiresAssistance
    }
}
