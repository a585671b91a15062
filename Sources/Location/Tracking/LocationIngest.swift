import Fluent
import Foundation
import GeoKit
import Platform
import SQLKit

/// Takes a traveler's points, one by one or as an offline batch, through the whole pipeline in one
/// transaction: who may post, plausibility, storage, the live position (never moved backwards in time), the
/// distance travelled, the geofences near each point, and the real-time messages of what changed.
public struct LocationIngest: Sendable {
    /// What one call did.
    public struct Outcome: Sendable {
        public var stored: Int
        /// Points kept in the history but not trusted (impossible jump, poor accuracy).
        public var flagged: Int
        /// Points older than the live position: history only.
        public var late: Int
        /// Whether the live position moved.
        public var moved: Bool
        public var session: TrackingSession
        public var crossings: [FenceCrossing]
        public var eta: TrackingETA?
    }

    /// Accuracy (metres) beyond which a point is too vague to place against a fence or add to the distance.
    static let usableAccuracy = 500.0

    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// Stores `fixes` for `deliveryId` as the traveler `principal`; `source` is `live` or `batch`.
    public func post(_ fixes: [LocationFix], to deliveryId: UUID, source: String) async throws -> Outcome {
        let principal = try context.requirePrincipal()
        let index = context.application.fenceIndex
        try await index.refresh(on: context.db)
        return try await context.transaction { context in
            let session = try await TrackingSessions(context: context).lockedForWriting(deliveryId)
            guard session.travelerId == principal.userId else { throw LocationError.notTraveler }
            guard session.status == .active else { throw LocationError.trackingNotActive(session.status) }
            let judged = PointJudgement.judge(
                fixes, after: session.liveAnchor, motion: TripMotion.of(session.tripType),
                usableAccuracy: Self.usableAccuracy)
            let stored = try await PointStore.insert(
                judged, deliveryId: deliveryId, userId: principal.userId, source: source, at: context.now,
                on: context.db)
            let trusted = judged.filter { $0.flag == nil }.map(\.fix)
            let newer = trusted.filter { fix in session.liveAt.map { fix.at > $0 } ?? true }
            let late = judged.count { judged in session.liveAt.map { judged.fix.at <= $0 } ?? false }
            var moved = false
            if let latest = newer.last {
                session.distanceMeters += PointJudgement.pathMeters(from: session.live, through: newer)
                session.liveLat = latest.coordinate.lat
                session.liveLng = latest.coordinate.lng
                session.liveAccuracy = latest.accuracy
                session.liveSpeed = latest.speed
                session.liveBearing = latest.bearing
                session.liveAt = latest.at
                moved = true
            }
            if trusted.count > newer.count {
                // Late points fill in the path between older ones: the distance is the whole path again.
                session.distanceMeters = try await PointStore.trustedPathMeters(of: deliveryId, on: context.db)
            }
            session.pointCount += stored
            session.flaggedCount += judged.count - trusted.count
            session.lastReceivedAt = context.now
            let crossings = try await FenceCrossings(context: context).judge(trusted, of: session, index: index)
            var eta: TrackingETA?
            if moved {
                eta = try await TrackingETA.estimate(for: session, context: context)
                let previous = session.etaSeconds
                session.etaSeconds = eta?.seconds
                try await LocationBroadcast(context: context).positionMoved(session)
                if let eta, previous.map({ abs($0 - eta.seconds) >= 30 }) ?? true {
                    try await LocationBroadcast(context: context).etaChanged(eta, of: session)
                }
            }
            session.updatedAt = context.now
            try await session.save(on: context.db)
            return Outcome(
                stored: stored, flagged: judged.count - trusted.count, late: late, moved: moved,
                session: session, crossings: crossings, eta: eta)
        }
    }
}

extension TrackingSession {
    /// The live position as the anchor the next point's plausibility is judged against.
    var liveAnchor: PointJudgement.Anchor? {
        guard let live, let liveAt else { return nil }
        return PointJudgement.Anchor(coordinate: live, accuracy: liveAccuracy ?? 0, at: liveAt)
    }
}
