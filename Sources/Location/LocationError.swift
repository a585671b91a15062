import Platform
import Vapor

/// Why the Location module refused a call; each has its own stable code.
public enum LocationError: CodedError, Equatable {
    /// No tracked delivery with that id, or the caller may not know of it (strangers get 404, not 403).
    case deliveryNotFound
    case notTraveler
    case notParty
    case trackingNotActive(TrackingStatus)
    case trackingAlreadyStopped
    case geofenceNotFound
    case geofenceNotOwned
    case geofenceChanged
    case emergencyNotFound
    case exportNotFound
    case adminsOnly

    public var status: HTTPResponseStatus {
        switch self {
        case .deliveryNotFound, .geofenceNotFound, .emergencyNotFound, .exportNotFound: .notFound
        case .notTraveler, .notParty, .geofenceNotOwned, .adminsOnly: .forbidden
        case .trackingNotActive, .trackingAlreadyStopped, .geofenceChanged: .conflict
        }
    }

    public var code: String {
        switch self {
        case .deliveryNotFound: "TRACKED_DELIVERY_NOT_FOUND"
        case .notTraveler: "NOT_DELIVERY_TRAVELER"
        case .notParty: "NOT_DELIVERY_PARTY"
        case .trackingNotActive: "TRACKING_NOT_ACTIVE"
        case .trackingAlreadyStopped: "TRACKING_STOPPED"
        case .geofenceNotFound: "GEOFENCE_NOT_FOUND"
        case .geofenceNotOwned: "GEOFENCE_NOT_OWNED"
        case .geofenceChanged: "GEOFENCE_CHANGED"
        case .emergencyNotFound: "EMERGENCY_NOT_FOUND"
        case .exportNotFound: "EXPORT_NOT_FOUND"
        case .adminsOnly: "FORBIDDEN"
        }
    }

    public var reason: String {
        switch self {
        case .deliveryNotFound: "No tracked delivery with this id"
        case .notTraveler: "Only the delivery's traveler posts its positions"
        case .notParty: "Only the delivery's customer, traveler and admins see its track"
        case .trackingNotActive(let status):
            status == .booked
                ? "Tracking has not started: start it (POST /location/tracking/start) or scan the pickup code"
                : "Tracking of this delivery has ended"
        case .trackingAlreadyStopped: "Tracking of this delivery has ended"
        case .geofenceNotFound: "Geofence not found"
        case .geofenceNotOwned: "Only the fence's maker or an admin may change it"
        case .geofenceChanged: "The geofence changed meanwhile; read it again and retry"
        case .emergencyNotFound: "Emergency not found"
        case .exportNotFound: "Export not found"
        case .adminsOnly: "This action requires an admin"
        }
    }
}
