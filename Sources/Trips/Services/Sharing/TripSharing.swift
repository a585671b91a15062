import Fluent
import Platform
import Vapor

/// Share links for trips: made by the trip's traveler (or an admin), opened by anyone holding one.
struct TripSharing {
    static let defaultLifetimeHours = 7 * 24
    static let maxLifetimeHours = 30 * 24

    let req: Request

    func share(_ tripId: UUID, by principal: Principal, hours: Int?) async throws -> ShareLinkResponse {
        let lifetime = hours ?? Self.defaultLifetimeHours
        guard (1...Self.maxLifetimeHours).contains(lifetime) else {
            throw APIError.validation(["expiresInHours must be between 1 and \(Self.maxLifetimeHours)"])
        }
        let trip = try await TripService(req: req).ownedTrip(tripId, by: principal, on: req.db)
        let token = TripShareToken(tripId: try trip.requireID(), expiresAt: req.now + TimeInterval(lifetime) * 3600)
        let encoded = token.encoded(with: req.application.secrets.hasher)
        try await AuditTrail.record(
            "trip_shared", category: "trips", userId: principal.userId, entityType: "trip",
            entityId: tripId.uuidString, metadata: ["expiresAt": ISO8601DateFormatter().string(from: token.expiresAt)],
            on: req.db, req: req)
        return ShareLinkResponse(
            shareUrl: baseURL() + "/api/v1/trips/shared/" + encoded, token: encoded, expiresAt: token.expiresAt,
            tripId: token.tripId)
    }

    /// The trip behind a valid token; 404 `SHARE_LINK_INVALID` for a tampered, expired or orphaned one.
    func sharedTrip(token: String) async throws -> (trip: Trip, expiresAt: Date) {
        guard let verified = TripShareToken.verify(token, with: req.application.secrets.hasher, now: req.now),
            let trip = try await Trip.find(verified.tripId, on: req.db)
        else { throw TripsError.shareLinkInvalid }
        return (trip, verified.expiresAt)
    }

    /// The platform has no configured public address, so links use the one the client reached: the proxy's
    /// forwarded host and scheme when present, else the `Host` header; a bare path when neither is known.
    private func baseURL() -> String {
        let host = req.headers.first(name: "X-Forwarded-Host") ?? req.headers.first(name: .host)
        guard let host, !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }) else { return "" }
        let scheme = req.headers.first(name: "X-Forwarded-Proto") == "https" ? "https" : "http"
        return "\(scheme)://\(host)"
    }
}
