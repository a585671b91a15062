import Fluent
import Foundation
import Users

/// Keeps a `TripIndex` in step with the database: an incremental read of what changed on every refresh, and a
/// full reload every `TripIndex.rebuildEvery` that drops what incremental reads cannot see.
///
/// Only the first load makes callers wait. Later reloads (seconds at a million trips) run in the background
/// while callers keep refreshing the current index incrementally; the reloaded index is swapped in, and the
/// next refresh re-reads everything changed since the reload began, so no write is lost in between.
actor TripIndexRefresher {
    /// A fully loaded index, ready to swap in.
    struct Snapshot: Sendable {
        var grid: TripGrid
        var ratings: [UUID: MemberDirectory.Rating]
    }

    private var lastRefresh: Date?
    private var lastRebuild: Date?
    private var rebuilding = false
    /// Set when a reloaded index was swapped in: the start of its load, from which the next refresh reads.
    private var catchUpFrom: Date?
    /// When the last refresh began by the index's pacing clock (rows are compared by wall-clock `updated_at`).
    private var lastPaced: Date?

    func refresh(_ index: TripIndex, db: any Database) async throws {
        let started = Date()
        let paced = index.clock.now()
        guard let lastRefresh, let lastRebuild else {
            index.replace(try await Self.load(db))
            self.lastRebuild = started
            self.lastRefresh = started
            lastPaced = paced
            return
        }
        if started.timeIntervalSince(lastRebuild) >= TripIndex.rebuildEvery, !rebuilding {
            rebuilding = true
            Task.detached {
                let snapshot = try? await Self.load(db)
                await self.swapIn(snapshot, into: index, loadStarted: started)
            }
        }
        let pending = catchUpFrom
        let wroteHere = paced.timeIntervalSince(index.lastLocalChange) < TripIndex.overlap
        if pending == nil, !wroteHere, let lastPaced, paced.timeIntervalSince(lastPaced) < TripIndex.freshness {
            return
        }
        let since = min(lastRefresh, pending ?? lastRefresh).addingTimeInterval(-TripIndex.overlap)
        // Two independent reads, side by side: one round trip of waiting instead of two.
        async let changedTrips = TripIndexLoader.rows(changedSince: since, on: db)
        async let changedRatings = MemberDirectory.ratingsChanged(since: since, on: db)
        let (rows, ratings) = try await (changedTrips, changedRatings)
        index.apply(rows, ratings: ratings)
        if catchUpFrom == pending { catchUpFrom = nil }
        self.lastRefresh = started
        lastPaced = paced
    }

    /// Swaps in a background reload; a failed one leaves the current index and is tried again next refresh.
    private func swapIn(_ snapshot: Snapshot?, into index: TripIndex, loadStarted: Date) {
        rebuilding = false
        guard let snapshot else { return }
        index.replace(snapshot)
        lastRebuild = loadStarted
        catchUpFrom = min(catchUpFrom ?? loadStarted, loadStarted)
    }

    private static func load(_ db: any Database) async throws -> Snapshot {
        async let allTrips = TripIndexLoader.bookableRows(on: db)
        async let allRatings = MemberDirectory.ratingsChanged(since: .distantPast, on: db)
        let (rows, ratings) = try await (allTrips, allRatings)
        return Snapshot(
            grid: TripGrid(rows.bookable), ratings: Dictionary(ratings, uniquingKeysWith: { _, last in last }))
    }
}
