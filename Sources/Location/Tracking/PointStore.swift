import Fluent
import Foundation
import Platform
import SQLKit

/// Writes and reads `location_tracking` in bulk: one statement per few hundred points, a point already
/// stored (same delivery, same timestamp) skipped.
enum PointStore {
    /// Rows per `INSERT`: 15 values each stays far under both databases' bind limits.
    static let rowsPerStatement = 400

    /// Stores `points`; returns how many were new.
    static func insert(
        _ points: [PointJudgement.Judged], deliveryId: UUID, userId: UUID, source: String, at now: Date,
        on db: any Database
    ) async throws -> Int {
        let sql = try db.sqlDatabase
        var stored = 0
        var start = points.startIndex
        while start < points.endIndex {
            let end = min(start + rowsPerStatement, points.endIndex)
            var insert = sql.insert(into: LocationPoint.schema)
                .columns(
                    "id", "delivery_id", "user_id", "latitude", "longitude", "accuracy", "altitude", "bearing",
                    "speed", "battery_level", "network_type", "timestamp", "flag", "source", "created_at")
            for point in points[start..<end] {
                let fix = point.fix
                insert = insert.values(
                    SQLBind(UUID()), SQLBind(deliveryId), SQLBind(userId), SQLBind(fix.coordinate.lat),
                    SQLBind(fix.coordinate.lng), SQLBind(fix.accuracy), SQLBind(fix.altitude), SQLBind(fix.bearing),
                    SQLBind(fix.speed), SQLBind(fix.batteryLevel), SQLBind(fix.networkType), SQLBind(fix.at),
                    SQLBind(point.flag), SQLBind(source), SQLBind(now))
            }
            stored += try await insert.ignoringConflicts(with: ["delivery_id", "timestamp"]).returning("id").all().count
            start = end
        }
        return stored
    }

    /// The length of the delivery's whole trusted path, in metres.
    static func trustedPathMeters(of deliveryId: UUID, on db: any Database) async throws -> Double {
        let rows = try await db.sqlDatabase.select().columns("latitude", "longitude").from(LocationPoint.schema)
            .where("delivery_id", .equal, deliveryId).where("flag", .is, SQLLiteral.null)
            .orderBy("timestamp").all()
        var meters = 0.0
        var last: GeoPoint?
        for row in rows {
            let point = GeoPoint(
                lat: try row.decode(column: "latitude", as: Double.self),
                lng: try row.decode(column: "longitude", as: Double.self))
            if let last { meters += last.distanceKm(to: point) * 1000 }
            last = point
        }
        return meters
    }
}
