import Fluent
import Foundation
import NIOConcurrencyHelpers
import Platform
import SQLKit
import Users
import Vapor

/// The in-memory index matching searches: every upcoming public trip, plus travelers' ratings.
///
/// The database stays the source of truth. `refresh` reads the rows changed since the last refresh (an indexed
/// `updated_at` range, usually empty): a node sees its own trip writes on the next query and other nodes' within
/// `freshness`; matches are confirmed against the database before they are shown. A full rebuild every hour, in
/// the background, drops whatever an incremental read cannot see (rows deleted by account erasure); see
/// `TripIndexRefresher`. Readers hold the lock for the length of one query,
/// well under a millisecond.
public final class TripIndex: Sendable {
    /// Rows stamped this long before the previous refresh are read again, covering transactions that
    /// committed after stamping their rows.
    static let overlap: TimeInterval = 5
    static let rebuildEvery: TimeInterval = 3600
    /// Other nodes' writes show up within this; searches in between use the index as it is.
    static let freshness: TimeInterval = 0.1

    private struct State: Sendable {
        var grid = TripGrid()
        var ratings: [UUID: MemberDirectory.Rating] = [:]
    }

    private let state = NIOLockedValueBox(State())
    private let refresher = TripIndexRefresher()
    private let localChange = NIOLockedValueBox(Date.distantPast)
    /// Paces refreshes (`freshness`, the window after a local write). Wall time, not the application's clock:
    /// pacing is about real load, and a test's manual clock would otherwise stop it; tests pass their own.
    let clock: any AppClock

    public init(clock: any AppClock = SystemClock()) {
        self.clock = clock
    }

    public var count: Int { state.withLockedValue { $0.grid.count } }

    /// Brings the index up to date with the database: at once after a trip write on this node, otherwise at
    /// most every `freshness` (each refresh is two queries, and a busy node searches far more often).
    public func refresh(on db: any Database) async throws {
        try await refresher.refresh(self, db: db)
    }

    /// Records a trip write made on this node. Searches read changes every time for the next `overlap`
    /// seconds, so the node sees its own write at once, even when its transaction commits a little later.
    public func noteLocalChange() {
        let now = clock.now()
        localChange.withLockedValue { $0 = now }
    }

    var lastLocalChange: Date { localChange.withLockedValue { $0 } }

    /// Calls `body` with each indexed trip near both ends and departing in `departures` (coarse cells: callers
    /// check exact distances), and the traveler's rating.
    public func forEachCandidate(
        origin: GeoPoint, destination: GeoPoint, radiusKm: Double, departures: ClosedRange<Date>,
        _ body: (TripIndexEntry, MemberDirectory.Rating?) -> Void
    ) {
        let window = departures.lowerBound.timeIntervalSince1970...departures.upperBound.timeIntervalSince1970
        state.withLockedValue { state in
            state.grid.forEach(origin: origin, destination: destination, radiusKm: radiusKm, departures: window) {
                body($0, state.ratings[$0.travelerId])
            }
        }
    }

    /// Adds or replaces entries directly (the benchmark's engine-only runs).
    public func upsert(_ entries: [TripIndexEntry]) {
        state.withLockedValue { state in for entry in entries { state.grid.upsert(entry) } }
    }

    /// Swaps in a freshly loaded grid and ratings table.
    func replace(_ snapshot: TripIndexRefresher.Snapshot) {
        state.withLockedValue { $0 = State(grid: snapshot.grid, ratings: snapshot.ratings) }
    }

    /// Applies an incremental read under one lock, so a query never sees half of it.
    func apply(_ rows: TripIndexLoader.Rows, ratings: [(UUID, MemberDirectory.Rating)]) {
        state.withLockedValue { state in
            for entry in rows.bookable { state.grid.upsert(entry) }
            for id in rows.unbookable { state.grid.remove(id) }
            for (id, rating) in ratings { state.ratings[id] = rating }
        }
    }
}

extension Application {
    private struct TripIndexKey: StorageKey {
        typealias Value = TripIndex
    }

    /// The node's matching index: one per application (the trip write middleware holds on to it).
    public var tripIndex: TripIndex {
        if let index = storage[TripIndexKey.self] { return index }
        let index = TripIndex()
        storage[TripIndexKey.self] = index
        return index
    }
}

extension CallContext {
    /// The node's matching index.
    public var tripIndex: TripIndex { application.tripIndex }
}
