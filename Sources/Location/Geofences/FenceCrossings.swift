import Fluent
import Foundation
import GeoKit
import Platform
import SQLKit

/// One crossing that ingest or the silence check concluded.
public struct FenceCrossing: Sendable, Equatable {
    public var eventId: UUID
    public var geofenceId: UUID
    public var name: String
    public var type: GeofenceType
    public var kind: GeofenceEventType
    public var at: Date
    public var coordinate: GeoPoint
    public var secondsInside: Int?
    public var reason: String?
}

/// Runs a tracked delivery's trusted points past the fences near them (and those it is inside), persists
/// each fence's state, and records every crossing: the `geofence_events` row, the `GeofenceCrossed` event and
/// the real-time message.
struct FenceCrossings {
    let context: CallContext

    func judge(_ fixes: [LocationFix], of session: TrackingSession, index: FenceIndex) async throws -> [FenceCrossing] {
        guard !fixes.isEmpty, let deliveryId = session.id else { return [] }
        var fenceIds = Set<UUID>()
        for fix in fixes {
            for entry in index.candidates(near: fix.coordinate) where entry.applies(to: session, at: fix.at) {
                fenceIds.insert(entry.id)
            }
        }
        var states = try await FenceStates.load(of: deliveryId, insideOr: fenceIds, on: context.db)
        fenceIds.formUnion(states.filter { $0.value.inside }.keys)
        let track = fixes.map { (coordinate: Coordinate(lat: $0.coordinate.lat, lng: $0.coordinate.lng), at: $0.at) }
        var crossings: [FenceCrossing] = []
        for id in fenceIds.sorted(by: { $0.uuidString < $1.uuidString }) {
            guard let entry = index.entry(id) else { continue }
            let before = states[id] ?? .outside
            let (after, transitions) = entry.watch.advance(before, through: track)
            guard after != before else { continue }
            states[id] = after
            try await FenceStates.save(after, fence: id, delivery: deliveryId, at: context.now, on: context.db)
            for transition in transitions {
                crossings.append(try await record(transition, of: entry, session: session))
            }
        }
        return crossings.sorted { $0.at < $1.at }
    }

    /// Stores and announces one crossing.
    func record(
        _ transition: FenceWatch.Transition, of entry: FenceIndex.Entry, session: TrackingSession
    ) async throws
        -> FenceCrossing
    {
        let kind = GeofenceEventType(rawValue: transition.kind.rawValue) ?? .enter
        let event = GeofenceEvent()
        event.geofenceId = entry.id
        event.userId = session.travelerId
        event.deliveryId = session.id
        event.type = kind
        event.latitude = transition.coordinate.lat
        event.longitude = transition.coordinate.lng
        event.dwellTime = transition.secondsInside
        event.reason = transition.reason
        event.triggeredAt = transition.at
        event.createdAt = context.now
        try await event.create(on: context.db)
        let crossing = FenceCrossing(
            eventId: try event.requireID(), geofenceId: entry.id, name: entry.name, type: entry.type, kind: kind,
            at: transition.at, coordinate: GeoPoint(lat: transition.coordinate.lat, lng: transition.coordinate.lng),
            secondsInside: transition.secondsInside, reason: transition.reason)
        try await context.publish(
            GeofenceCrossed(
                eventId: crossing.eventId, geofenceId: entry.id, geofenceType: entry.type.rawValue,
                geofenceName: entry.name, crossing: kind.rawValue, deliveryId: session.deliveryId,
                customerId: session.customerId, travelerId: session.travelerId, at: transition.at))
        try await LocationBroadcast(context: context).crossed(crossing, of: session)
        return crossing
    }
}

/// `geofence_states`: per fence and delivery, whether the device is inside and what was judged last.
enum FenceStates {
    static func load(
        of deliveryId: UUID, insideOr fences: Set<UUID>, on db: any Database
    ) async throws
        -> [UUID: FenceWatch.State]
    {
        let sql = try db.sqlDatabase
        var query = sql.select().columns("geofence_id", "inside", "entered_at", "dwell_reported", "last_point_at")
            .from("geofence_states").where("delivery_id", .equal, deliveryId)
        if fences.isEmpty {
            query = query.where("inside", .equal, true)
        } else {
            query = query.where { group in
                group.where("inside", .equal, true).orWhere("geofence_id", .in, Array(fences))
            }
        }
        var states: [UUID: FenceWatch.State] = [:]
        for row in try await query.all() {
            states[try row.decode(column: "geofence_id", as: UUID.self)] = FenceWatch.State(
                inside: try row.decode(column: "inside", as: Bool.self),
                enteredAt: try row.decode(column: "entered_at", as: Date?.self),
                dwellReported: try row.decode(column: "dwell_reported", as: Bool.self),
                lastPointAt: try row.decode(column: "last_point_at", as: Date?.self))
        }
        return states
    }

    static func save(
        _ state: FenceWatch.State, fence: UUID, delivery: UUID, at now: Date, on db: any Database
    )
        async throws
    {
        try await db.sqlDatabase.insert(into: "geofence_states")
            .columns(
                "geofence_id", "delivery_id", "inside", "entered_at", "dwell_reported", "last_point_at", "updated_at"
            )
            .values(
                SQLBind(fence), SQLBind(delivery), SQLBind(state.inside), SQLBind(state.enteredAt),
                SQLBind(state.dwellReported), SQLBind(state.lastPointAt ?? now), SQLBind(now)
            )
            .onConflict(with: ["geofence_id", "delivery_id"]) { update in
                update.set(excludedValueOf: "inside").set(excludedValueOf: "entered_at")
                    .set(excludedValueOf: "dwell_reported").set(excludedValueOf: "last_point_at")
                    .set(excludedValueOf: "updated_at")
            }
            .run()
    }
}
