import Foundation
import Platform
import Vapor

/// A share link for a trip (`POST /trips/{tripId}/share`).
public struct ShareLinkResponse: Content, Sendable {
    public var shareUrl: String
    public var token: String
    public var expiresAt: Date
    public var tripId: UUID
}

/// A trip opened through a share link: the view any member has of a public trip.
public struct SharedTripResponse: Content, Sendable {
    public var trip: TripResponse
    public var sharedUntil: Date
}

/// Everything about one trip (`GET /trips/{tripId}/export`); internal because it reuses the capacity
/// controller's reservation body.
struct TripExportResponse: Content, Sendable {
    /// One domain event of the trip: created, updated, status changes, cancellation.
    struct HistoryEntry: Content, Sendable {
        var id: UUID
        /// `trip_created`, `trip_updated`, `trip_status_changed`, `trip_cancelled`.
        var event: String
        var occurredAt: Date
        var details: JSONValue
    }

    var exportedAt: Date
    var trip: TripResponse
    /// Every reservation, held and released, oldest first.
    var reservations: [ReservationResponse]
    var history: [HistoryEntry]
}
