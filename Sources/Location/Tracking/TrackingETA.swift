import Fluent
import Foundation
import GeoKit
import Platform
import SQLKit
import Vapor

/// When the traveler should reach the next stop: the great-circle distance left over the speed the last ten
/// minutes of trusted points show, or the trip type's typical speed when they show too little (a traveler
/// stopped at a light is not a traveler who never arrives).
public struct TrackingETA: Content, Sendable, Equatable {
    /// The window of recent points the speed is read from.
    static let windowSeconds = 600.0
    /// Below this recent speed (7 km/h) the typical speed is the better guess.
    static let slowestUseful = 2.0

    public var deliveryId: UUID
    /// `pickup` or `drop`.
    public var nextStop: String
    public var remainingMeters: Int
    public var seconds: Int
    public var eta: Date
    public var speedMetersPerSecond: Double
    /// `recent` (from the track) or `typical` (the trip type's).
    public var speedSource: String
    public var computedAt: Date

    /// The pure rule: seconds to cover `remainingMeters` at the recent speed, or the typical one.
    public static func seconds(
        remainingMeters: Double, recentMetersPerSecond: Double?, motion: TripMotion
    ) -> (seconds: Int, speed: Double, source: String) {
        if let recent = recentMetersPerSecond, recent >= slowestUseful {
            return (Int((remainingMeters / recent).rounded()), recent, "recent")
        }
        let typical = motion.typicalMetersPerSecond
        return (Int((remainingMeters / typical).rounded()), typical, "typical")
    }

    /// The ETA of `session` from its live position; nil before the first point.
    static func estimate(for session: TrackingSession, context: CallContext) async throws -> TrackingETA? {
        guard let live = session.live, let liveAt = session.liveAt, session.phase != .finished else { return nil }
        let rows = try await context.db.sqlDatabase.select().columns("latitude", "longitude", "timestamp")
            .from(LocationPoint.schema).where("delivery_id", .equal, session.deliveryId)
            .where("flag", .is, SQLLiteral.null)
            .where("timestamp", .greaterThanOrEqual, SQLBind(liveAt.addingTimeInterval(-windowSeconds)))
            .orderBy("timestamp").all()
        let track = try rows.map { row in
            TimedCoordinate(
                coordinate: Coordinate(
                    lat: try row.decode(column: "latitude", as: Double.self),
                    lng: try row.decode(column: "longitude", as: Double.self)),
                seconds: try row.decode(column: "timestamp", as: Date.self).timeIntervalSince1970)
        }
        let motion = TripMotion.of(session.tripType)
        let recent = Kinematics.recentMetersPerSecond(
            track, windowSeconds: windowSeconds, maximumPlausibleMetersPerSecond: motion.maximumMetersPerSecond)
        let remaining = live.distanceKm(to: session.nextStop) * 1000
        let (seconds, speed, source) = Self.seconds(
            remainingMeters: remaining, recentMetersPerSecond: recent, motion: motion)
        return TrackingETA(
            deliveryId: session.deliveryId, nextStop: session.phase == .toPickup ? "pickup" : "drop",
            remainingMeters: Int(remaining.rounded()), seconds: seconds,
            eta: context.now.addingTimeInterval(Double(seconds)), speedMetersPerSecond: speed, speedSource: source,
            computedAt: context.now)
    }
}
