import Fluent
import Foundation
import GeoKit
import Platform

/// Reads a delivery's track for the people allowed to: its parties and admins (anyone else gets 404). The
/// customer sees what the traveler's sharing settings allow in each phase — a coarse position before pickup,
/// the precise one while the item travels, and no history from before the pickup. Every read is audited.
public struct TrackReader: Sendable {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// The view of `session` its reader is entitled to.
    struct View {
        var session: TrackingSession
        var sharing: LocationSharing
        var coarseMeters: Int
        /// Points before this are not shown (the customer's view starts at pickup).
        var historyFrom: Date?
        var isTraveler: Bool
    }

    func view(_ deliveryId: UUID, reading what: String) async throws -> View {
        let principal = try context.requirePrincipal()
        let session = try await TrackingSessions(context: context).readable(deliveryId)
        try await AuditTrail.record(
            "location_\(what)_read", category: "privacy", userId: session.travelerId, entityType: "delivery",
            entityId: deliveryId.uuidString, metadata: ["reader_role": role(of: principal, in: session)],
            context: context)
        guard !principal.isAdmin, principal.userId != session.travelerId else {
            return View(session: session, sharing: .precise, coarseMeters: 0, historyFrom: nil, isTraveler: true)
        }
        let settings = try await LocationPrivacySettings.of(session.travelerId, on: context.db, at: context.now)
        return View(
            session: session, sharing: settings.sharing(in: session.phase),
            coarseMeters: settings.coarsePrecisionMeters,
            historyFrom: settings.inTransit == .hidden ? .distantFuture : (session.pickedUpAt ?? .distantFuture),
            isTraveler: false)
    }

    /// The live position, as the reader may see it.
    public func current(_ deliveryId: UUID) async throws -> CurrentLocationResponse {
        let view = try await view(deliveryId, reading: "current")
        return CurrentLocationResponse(view)
    }

    /// The ETA to the next stop, from the live position.
    public func eta(_ deliveryId: UUID) async throws -> TrackingETA? {
        let view = try await view(deliveryId, reading: "eta")
        guard view.sharing != .hidden else { return nil }
        return try await TrackingETA.estimate(for: view.session, context: context)
    }

    /// The track between `from` and `to`, simplified with Douglas–Peucker at `toleranceMeters` (0 keeps
    /// every point); flagged points only for the traveler and admins, on request.
    public func history(
        _ deliveryId: UUID, from: Date?, to: Date?, toleranceMeters: Double, includeFlagged: Bool, limit: Int
    ) async throws -> TrackHistoryResponse {
        let view = try await view(deliveryId, reading: "history")
        var query = LocationPoint.query(on: context.db).filter(\.$deliveryId == deliveryId)
        let start = [from, view.historyFrom].compactMap { $0 }.max()
        if let start { query = query.filter(\.$timestamp >= start) }
        if let to { query = query.filter(\.$timestamp <= to) }
        if !(includeFlagged && view.isTraveler) { query = query.filter(\.$flag == nil) }
        let points = try await query.sort(\.$timestamp).limit(limit + 1).all()
        let truncated = points.count > limit
        let kept = Array(points.prefix(limit))
        let coordinates = kept.map { Coordinate(lat: $0.latitude, lng: $0.longitude) }
        let indices =
            toleranceMeters > 0
            ? TrackSimplifier.simplify(coordinates, toleranceMeters: toleranceMeters)
            : Array(coordinates.indices)
        return TrackHistoryResponse(
            deliveryId: deliveryId, points: indices.map { TrackHistoryResponse.Point(kept[$0]) },
            totalPoints: kept.count, toleranceMeters: toleranceMeters, truncated: truncated,
            distanceMeters: Int(view.session.distanceMeters.rounded()))
    }

    private func role(of principal: Principal, in session: TrackingSession) -> String {
        if principal.userId == session.travelerId { return "traveler" }
        if principal.userId == session.customerId { return "customer" }
        return "admin"
    }
}
