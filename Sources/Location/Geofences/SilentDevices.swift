import Fluent
import Foundation
import GeoKit
import Platform
import SQLKit

/// A device inside a fence that stops reporting is taken to have left once it has been silent longer than
/// the timeout: the fence's `exit` comes with `reason: silence`, so nobody waits at a door for a traveler
/// whose phone died three streets away.
struct SilentDevices {
    /// Seconds without a point before an inside device is taken to have left.
    static let timeout: TimeInterval = 10 * 60

    let context: CallContext

    func exitFences() async throws {
        let cutoff = context.now.addingTimeInterval(-Self.timeout)
        let rows = try await context.db.sqlDatabase.select().columns("geofence_id", "delivery_id")
            .from("geofence_states").where("inside", .equal, true).where("last_point_at", .lessThan, SQLBind(cutoff))
            .limit(500).all()
        guard !rows.isEmpty else { return }
        let index = context.application.fenceIndex
        try await index.refresh(on: context.db)
        for row in rows {
            let fenceId = try row.decode(column: "geofence_id", as: UUID.self)
            let deliveryId = try row.decode(column: "delivery_id", as: UUID.self)
            try await context.transaction { context in
                guard let session = try await TrackingSession.find(deliveryId, on: context.db),
                    let states = try? await FenceStates.load(of: deliveryId, insideOr: [fenceId], on: context.db),
                    let state = states[fenceId]
                else { return }
                let lastKnown = session.live.map { Coordinate(lat: $0.lat, lng: $0.lng) }
                guard let entry = index.entry(fenceId), let lastKnown,
                    let (after, transition) = entry.watch.silence(
                        state, now: context.now, timeout: Self.timeout, lastKnown: lastKnown)
                else {
                    // A retired fence or a device never placed: forget the state rather than look at it again.
                    try await context.db.sqlDatabase.update("geofence_states").set("inside", to: false)
                        .where("geofence_id", .equal, fenceId).where("delivery_id", .equal, deliveryId).run()
                    return
                }
                try await FenceStates.save(after, fence: fenceId, delivery: deliveryId, at: context.now, on: context.db)
                _ = try await FenceCrossings(context: context).record(transition, of: entry, session: session)
            }
        }
    }
}
