import Foundation
import Platform
import Vapor

/// `GET /location/current/{deliveryId}`.
public struct CurrentLocationResponse: Content, Sendable {
    public struct Position: Content, Sendable {
        public var lat: Double
        public var lng: Double
        public var accuracy: Double?
        public var speed: Double?
        public var bearing: Double?
        public var timestamp: Date
    }

    public var deliveryId: UUID
    public var status: TrackingStatus
    public var phase: TrackingPhase
    /// `precise`, `coarse` or `hidden` (then `position` is absent).
    public var precision: LocationSharing
    public var position: Position?
    public var distanceMeters: Int
    public var pointCount: Int
    public var lastReceivedAt: Date?
    public var startedAt: Date?
    public var stoppedAt: Date?

    init(_ view: TrackReader.View) {
        let session = view.session
        deliveryId = session.deliveryId
        status = session.status
        phase = session.phase
        precision = session.live == nil ? .hidden : view.sharing
        distanceMeters = Int(session.distanceMeters.rounded())
        pointCount = session.pointCount
        lastReceivedAt = session.lastReceivedAt
        startedAt = session.startedAt
        stoppedAt = session.stoppedAt
        guard let live = session.live, let at = session.liveAt, view.sharing != .hidden else { return }
        if view.sharing == .coarse {
            let coarse = CoarsePosition.snap(live, toMeters: view.coarseMeters)
            position = Position(
                lat: coarse.lat, lng: coarse.lng, accuracy: Double(view.coarseMeters), speed: nil, bearing: nil,
                timestamp: at)
        } else {
            position = Position(
                lat: live.lat, lng: live.lng, accuracy: session.liveAccuracy, speed: session.liveSpeed,
                bearing: session.liveBearing, timestamp: at)
        }
    }
}

/// `GET /location/history/{deliveryId}`.
public struct TrackHistoryResponse: Content, Sendable {
    public struct Point: Content, Sendable {
        public var lat: Double
        public var lng: Double
        public var accuracy: Double?
        public var speed: Double?
        public var bearing: Double?
        public var timestamp: Date
        public var flag: String?

        init(_ point: LocationPoint) {
            lat = point.latitude
            lng = point.longitude
            accuracy = point.accuracy
            speed = point.speed
            bearing = point.bearing
            timestamp = point.timestamp
            flag = point.flag
        }
    }

    public var deliveryId: UUID
    public var points: [Point]
    /// Points in the window before simplification.
    public var totalPoints: Int
    public var toleranceMeters: Double
    /// True when the window held more points than the limit: ask again from the last timestamp.
    public var truncated: Bool
    public var distanceMeters: Int
}

/// What `tracking/update`, `track` and `batch` answer.
public struct LocationIngestResponse: Content, Sendable {
    public struct Crossing: Content, Sendable {
        public var geofenceId: UUID
        public var name: String
        public var type: GeofenceType
        public var event: GeofenceEventType
        public var at: Date
    }

    public var deliveryId: UUID
    public var stored: Int
    public var flagged: Int
    public var late: Int
    public var moved: Bool
    public var liveAt: Date?
    public var distanceMeters: Int
    public var crossings: [Crossing]
    public var etaSeconds: Int?

    init(_ outcome: LocationIngest.Outcome) {
        deliveryId = outcome.session.deliveryId
        stored = outcome.stored
        flagged = outcome.flagged
        late = outcome.late
        moved = outcome.moved
        liveAt = outcome.session.liveAt
        distanceMeters = Int(outcome.session.distanceMeters.rounded())
        crossings = outcome.crossings.map {
            Crossing(geofenceId: $0.geofenceId, name: $0.name, type: $0.type, event: $0.kind, at: $0.at)
        }
        etaSeconds = outcome.session.etaSeconds
    }
}

/// What `tracking/start` and `tracking/stop` answer.
public struct TrackingSessionResponse: Content, Sendable {
    public var deliveryId: UUID
    public var status: TrackingStatus
    public var phase: TrackingPhase
    public var startedAt: Date?
    public var stoppedAt: Date?
    public var stopReason: String?
    public var settings: [String: JSONValue]

    init(_ session: TrackingSession) {
        deliveryId = session.deliveryId
        status = session.status
        phase = session.phase
        startedAt = session.startedAt
        stoppedAt = session.stoppedAt
        stopReason = session.stopReason
        settings = session.settings
    }
}
