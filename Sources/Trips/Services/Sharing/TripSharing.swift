import Fluent
import Platform
import Vapor

/// Share links for trips: made by the trip's traveler (or an admin), opened by anyone holding one.
struct TripSharing {
    static let defaultLifetimeHours = 7 * 24
    static let maxLifetimeHours = 30 * 24

    let context: CallContext

    /// A link on the configured public address: never the request's `Host`, which the client chose.
    func share(_ tripId: UUID, by principal: Principal, hours: Int?) async throws -> ShareLinkResponse {
        let lifetime = hours ?? Self.defaultLifetimeHours
        guard (1...Self.maxLifetimeHours).contains(lifetime) else {
            throw APIError.validation(["expiresInHours must be between 1 and \(Self.maxLifetimeHours)"])
        }
        let trip = try await TripService(context: context).ownedTrip(tripId, by: principal, on: context.db)
        let token = TripShareToken(tripId: try trip.requireID(), expiresAt: context.now + TimeInterval(lifetime) * 3600)
        let encoded = token.encoded(with: context.secrets.hasher)
        try await AuditTrail.record(
            "trip_shared", category: "trips", userId: principal.userId, entityType: "trip",
            entityId: tripId.uuidString, metadata: ["expiresAt": ISO8601DateFormatter().string(from: token.expiresAt)],
            context: context)
        return ShareLinkResponse(
            shareUrl: context.publicAddress.link("/api/v1/trips/shared/" + encoded), token: encoded,
            expiresAt: token.expiresAt,
            tripId: token.tripId)
    }

    /// The trip behind a valid token; 404 `SHARE_LINK_INVALID` for a tampered, expired or orphaned one.
    func sharedTrip(token: String) async throws -> (trip: Trip, expiresAt: Date) {
        guard let verified = TripShareToken.verify(token, with: context.secrets.hasher, now: context.now),
            let trip = try await Trip.find(verified.tripId, on: context.db)
        else { throw TripsError.shareLinkInvalid }
        return (trip, verified.expiresAt)
    }
}
