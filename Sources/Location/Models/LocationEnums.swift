import Foundation

/// Whether a delivery's position is being recorded (`tracking_sessions.status`).
public enum TrackingStatus: String, Codable, Sendable, CaseIterable {
    /// Booked; the traveler has not started sharing yet.
    case booked
    /// Points are accepted: from `tracking/start` or the pickup scan until the drop or `tracking/stop`.
    case active
    /// Ended: delivered, cancelled, or stopped by the traveler.
    case stopped
}

/// Where a tracked delivery is in its journey, which decides the next stop and what the customer may see.
public enum TrackingPhase: String, Codable, Sendable, CaseIterable {
    /// Before pickup: the traveler heads for the sender; the customer sees a coarse position.
    case toPickup = "to_pickup"
    /// Picked up: the item travels; the customer sees the precise position.
    case withItem = "with_item"
    /// Delivered or cancelled.
    case finished
}

/// What a fence marks (`geofence_type_enum`).
public enum GeofenceType: String, Codable, Sendable, CaseIterable {
    case pickup, delivery, milestone, custom
}

/// A fence's shape (`geometry_type_enum`).
public enum GeofenceGeometry: String, Codable, Sendable, CaseIterable {
    case circle, polygon
}

/// A crossing of a fence (`geofence_event_type_enum`).
public enum GeofenceEventType: String, Codable, Sendable, CaseIterable {
    case enter, exit, dwell
}

/// `emergency_type_enum`.
public enum EmergencyType: String, Codable, Sendable, CaseIterable {
    case accident, medical, theft, harassment
    case vehicleBreakdown = "vehicle_breakdown"
    case lostItem = "lost_item"
    case weather, other
}

/// `emergency_severity_enum`.
public enum EmergencySeverity: String, Codable, Sendable, CaseIterable, Comparable {
    case low, medium, high, critical

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// `emergency_status_enum`: reported, then acknowledged and in progress as admins take it on, then resolved
/// (or cancelled by the reporter as a false alarm).
public enum EmergencyStatus: String, Codable, Sendable, CaseIterable {
    case reported, acknowledged
    case inProgress = "in_progress"
    case resolved, cancelled

    /// Still needs someone.
    public var isOpen: Bool { self == .reported || self == .acknowledged || self == .inProgress }
}

/// What the customer sees of the traveler's position in a phase (a traveler's privacy setting).
public enum LocationSharing: String, Codable, Sendable, CaseIterable {
    /// The exact position.
    case precise
    /// Snapped to a grid of the traveler's coarse precision (1 km by default).
    case coarse
    /// Nothing: the customer sees that tracking is on, not where.
    case hidden
}
