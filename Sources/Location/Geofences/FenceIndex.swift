import Fluent
import Foundation
import GeoKit
import NIOConcurrencyHelpers
import Platform
import SQLKit
import Vapor

/// This node's copy of every active fence in a spatial grid, so a point is checked against the few fences near
/// it rather than all of them.
///
/// Every change to `geofences` bumps the `geofences` row of `location_counters` in its transaction; a caller
/// reads that revision (one row by key) and the index reloads when it moved, so a fence made on one node
/// watches points posted to any other.
public final class FenceIndex: Sendable {
    /// What the ingest needs of a fence, without its row.
    public struct Entry: Sendable {
        public var id: UUID
        public var name: String
        public var type: GeofenceType
        public var deliveryId: UUID?
        public var ownerId: UUID?
        /// True for a fence without a delivery whose maker was an admin: it watches every delivery.
        public var watchesEveryone: Bool
        public var watch: FenceWatch
        public var startTime: Date?
        public var endTime: Date?

        /// Whether the fence watches `session`'s delivery at `date`.
        func applies(to session: TrackingSession, at date: Date) -> Bool {
            guard startTime.map({ $0 <= date }) ?? true, endTime.map({ date < $0 }) ?? true else { return false }
            if let deliveryId { return deliveryId == session.id }
            if watchesEveryone { return true }
            return ownerId.map(session.isParty) ?? false
        }
    }

    private struct Snapshot: Sendable {
        var revision: Int64 = -1
        var grid = SpatialGrid<UUID>(cellSizeMeters: 1_000)
        var entries: [UUID: Entry] = [:]
    }

    private let snapshot = NIOLockedValueBox(Snapshot())

    public init() {}

    /// The fences (in scope or not) whose shape, grown by their exit margin, may hold `point`.
    func candidates(near point: GeoPoint) -> [Entry] {
        snapshot.withLockedValue { snapshot in
            snapshot.grid.candidates(near: Coordinate(lat: point.lat, lng: point.lng), withinMeters: 0)
                .compactMap { snapshot.entries[$0] }
        }
    }

    /// The fence `id`, when active.
    func entry(_ id: UUID) -> Entry? {
        snapshot.withLockedValue { $0.entries[id] }
    }

    /// Makes sure the index reflects the database's fences; cheap when nothing changed.
    func refresh(on db: any Database) async throws {
        let revision = try await Self.revision(on: db)
        guard snapshot.withLockedValue({ $0.revision }) != revision else { return }
        let fences = try await Geofence.query(on: db).filter(\.$active == true).all()
        var fresh = Snapshot(revision: revision)
        for fence in fences {
            guard let id = fence.id, let shape = fence.shape else { continue }
            let circle = shape.boundingCircle
            // Filed with the exit margin: a point just outside still matters to a device inside.
            fresh.grid.insert(
                id, center: circle.center, radiusMeters: circle.radiusMeters + Double(fence.exitMargin))
            fresh.entries[id] = Entry(
                id: id, name: fence.name, type: fence.type, deliveryId: fence.deliveryId, ownerId: fence.ownerId,
                watchesEveryone: fence.metadata["audience"] == .string("everyone"),
                watch: FenceWatch(
                    shape: shape, exitMarginMeters: Double(fence.exitMargin),
                    dwellSeconds: Double(fence.dwellSeconds)),
                startTime: fence.startTime, endTime: fence.endTime)
        }
        snapshot.withLockedValue { current in
            if fresh.revision >= current.revision || current.revision < 0 { current = fresh }
        }
    }

    /// The fences' revision, 0 before the first change.
    static func revision(on db: any Database) async throws -> Int64 {
        let row = try await db.sqlDatabase.select().column("value").from("location_counters")
            .where("name", .equal, "geofences").first()
        return try row?.decode(column: "value", as: Int64.self) ?? 0
    }

    /// Records a change to `geofences`, in the changing transaction.
    static func bumpRevision(on db: any Database) async throws {
        // The row exists from the migration on, so concurrent changes only ever update it.
        try await db.sqlDatabase.update("location_counters").set(SQLIdentifier("value"), to: SQLRaw("value + 1"))
            .where("name", .equal, "geofences").run()
    }
}

extension Application {
    private struct FenceIndexKey: StorageKey {
        typealias Value = FenceIndex
    }

    /// This node's fence index.
    public var fenceIndex: FenceIndex {
        if let index = storage[FenceIndexKey.self] { return index }
        let index = FenceIndex()
        storage[FenceIndexKey.self] = index
        return index
    }
}
