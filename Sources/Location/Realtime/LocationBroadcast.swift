import Foundation
import Platform

/// The real-time messages of the Location module on `delivery:{id}`: what the delivery's parties see live.
/// Positions follow the traveler's sharing settings for the phase (the channel's readers include the
/// customer): coarse before pickup by default, precise while the item travels.
struct LocationBroadcast {
    let context: CallContext

    struct Position: Encodable {
        var deliveryId: UUID
        var lat: Double
        var lng: Double
        var accuracy: Double?
        var speed: Double?
        var bearing: Double?
        var timestamp: Date
        /// `precise` or `coarse`.
        var precision: String
        var phase: String
        var distanceMeters: Int
    }

    func positionMoved(_ session: TrackingSession) async throws {
        guard let live = session.live, let at = session.liveAt else { return }
        let settings = try await LocationPrivacySettings.of(session.travelerId, on: context.db, at: context.now)
        let sharing = settings.sharing(in: session.phase)
        guard sharing != .hidden else { return }
        let precise = sharing == .precise
        let shown = precise ? live : CoarsePosition.snap(live, toMeters: settings.coarsePrecisionMeters)
        try await context.post(
            "location.updated",
            data: Position(
                deliveryId: session.deliveryId, lat: shown.lat, lng: shown.lng,
                accuracy: precise ? session.liveAccuracy : Double(settings.coarsePrecisionMeters),
                speed: precise ? session.liveSpeed : nil, bearing: precise ? session.liveBearing : nil, timestamp: at,
                precision: precise ? "precise" : "coarse", phase: session.phase.rawValue,
                distanceMeters: Int(session.distanceMeters.rounded())),
            to: .delivery(session.deliveryId))
    }

    func etaChanged(_ eta: TrackingETA, of session: TrackingSession) async throws {
        try await context.post("eta.updated", data: eta, to: .delivery(session.deliveryId))
    }

    struct Crossing: Encodable {
        var deliveryId: UUID
        var geofenceId: UUID
        var name: String
        var geofenceType: String
        var at: Date
        var secondsInside: Int?
        var reason: String?
    }

    func crossed(_ crossing: FenceCrossing, of session: TrackingSession) async throws {
        let type =
            switch crossing.kind {
            case .enter: "geofence.entered"
            case .exit: "geofence.exited"
            case .dwell: "geofence.dwell"
            }
        try await context.post(
            type,
            data: Crossing(
                deliveryId: session.deliveryId, geofenceId: crossing.geofenceId, name: crossing.name,
                geofenceType: crossing.type.rawValue, at: crossing.at, secondsInside: crossing.secondsInside,
                reason: crossing.reason),
            to: .delivery(session.deliveryId))
    }

    struct Tracking: Encodable {
        var deliveryId: UUID
        var status: String
        var phase: String
        var reason: String
        var at: Date
    }

    func tracking(_ type: String, _ session: TrackingSession, reason: String) async throws {
        try await context.post(
            type,
            data: Tracking(
                deliveryId: session.deliveryId, status: session.status.rawValue, phase: session.phase.rawValue,
                reason: reason, at: context.now),
            to: .delivery(session.deliveryId))
    }

    struct StatusChange: Encodable {
        var deliveryId: UUID
        var from: String
        var to: String
        var reason: String?
        var at: Date
    }

    /// A delivery's status moved: on its channel and on both parties' own channels.
    func statusChanged(_ event: DeliveryStatusChanged) async throws {
        let data = StatusChange(
            deliveryId: event.deliveryId, from: event.from, to: event.to, reason: event.reason, at: context.now)
        for channel in [
            RealtimeChannel.delivery(event.deliveryId), .user(event.customerId), .user(event.travelerId),
        ] {
            try await context.post("delivery.status_changed", data: data, to: channel)
        }
    }
}
