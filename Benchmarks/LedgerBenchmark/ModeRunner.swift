import BenchmarkSupport
import Fluent
import Foundation
import Payments
import Platform
import SQLKit
import Vapor

/// Runs one mode for a fixed window, then checks the ledger: `LedgerAudit` finds no broken invariant, the
/// transfers stored grew by exactly the transfers posted, and the escrow accounts hold what the posters think
/// they hold. Any difference fails the run.
struct ModeRunner {
    struct Result: Encodable {
        var mode: String
        var posters: Int
        var batchSize: Int
        var route: String
        var transfers: Int
        var seconds: Double
        var transfersPerSecond: Double
        /// One sample per call: a batch's transaction, or one caller's wait for its transfer.
        var latency: LatencySummary
        /// 1-minute load average after the mode, to tell a quiet window from a busy one.
        var loadAverage: Double
        /// Batcher modes: callers whose transfers shared one transaction, on average.
        var callersPerCommit: Double?
    }

    let app: Application
    let seconds: Double

    func run(_ mode: PostingMode, state: inout EscrowState) async throws -> Result {
        guard state.world.supports(posters: mode.posters) else {
            throw BenchmarkError("\(mode.posters) posters would share travelers' accounts (see EscrowWorld)")
        }
        let (post, batcher) = poster(for: mode)
        let before = try await LedgerTransfer.query(on: app.db).count()
        let slices = state.slices(posters: mode.posters)
        let start = MonotonicClock.now
        let deadline = start + UInt64(seconds * 1e9)
        let outcomes = try await withThrowingTaskGroup(of: PosterOutcome.self) { group in
            for slice in slices {
                group.addTask { try await Self.drive(slice, batchSize: mode.batchSize, until: deadline, post: post) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let elapsed = Double(MonotonicClock.now - start) / 1e9
        state.absorb(outcomes.map(\.slice))
        let transfers = outcomes.reduce(0) { $0 + $1.transfers }
        try await verify(mode, transfersBefore: before, posted: transfers, state: state)
        let statistics = await batcher?.statistics
        return Result(
            mode: mode.name, posters: mode.posters, batchSize: mode.batchSize, route: mode.route.rawValue,
            transfers: transfers, seconds: elapsed, transfersPerSecond: Double(transfers) / elapsed,
            latency: LatencySummary(nanoseconds: outcomes.flatMap(\.latencies)), loadAverage: MachineFacts.loadAverage,
            callersPerCommit: statistics.map {
                Double($0.callersPosted) / Double(max(1, $0.sharedTransactions + $0.singleTransactions))
            })
    }

    /// Posts the same workload, untimed, with as many posters as the pool has connections per loop: opens every
    /// account and every connection before the first measured mode.
    func warmUp(state: inout EscrowState) async throws {
        let mode = PostingMode(posters: 16, batchSize: 1)
        var slices = state.slices(posters: mode.posters)
        let ledger = Ledger(context: app.callContext())
        try await withThrowingTaskGroup(of: DeliverySlice.self) { group in
            for var slice in slices {
                group.addTask {
                    for _ in 0..<(slice.deliveries.count * 2) { _ = try await ledger.post([slice.next()]) }
                    return slice
                }
            }
            slices = try await group.reduce(into: []) { $0.append($1) }
        }
        state.absorb(slices)
        try await verify(mode, transfersBefore: 0, posted: state.world.deliveries.count * 2, state: state)
    }

    private struct PosterOutcome: Sendable {
        var slice: DeliverySlice
        var transfers: Int
        var latencies: [UInt64]
    }

    private typealias Post = @Sendable ([TransferRequest]) async throws -> Void

    private static func drive(
        _ slice: DeliverySlice, batchSize: Int, until deadline: UInt64, post: Post
    ) async throws -> PosterOutcome {
        var outcome = PosterOutcome(slice: slice, transfers: 0, latencies: [])
        outcome.latencies.reserveCapacity(100_000)
        while MonotonicClock.now < deadline {
            let batch = outcome.slice.next(batchSize)
            let started = MonotonicClock.now
            try await post(batch)
            outcome.latencies.append(MonotonicClock.now - started)
            outcome.transfers += batch.count
        }
        return outcome
    }

    /// How a poster hands over its calls, and the batcher behind it if there is one.
    private func poster(for mode: PostingMode) -> (Post, LedgerBatcher?) {
        let ledger = Ledger(context: app.callContext())
        let batcher = mode.route == .batcher ? LedgerBatcher(context: app.callContext()) : nil
        let post: Post = { batch in
            let outcomes: [Ledger.Outcome]
            if let batcher { outcomes = try await batcher.post(batch) } else { outcomes = try await ledger.post(batch) }
            guard outcomes.allSatisfy({ if case .posted = $0 { true } else { false } }) else {
                throw BenchmarkError("a fresh idempotency key was answered alreadyPosted")
            }
        }
        return (post, batcher)
    }

    private func verify(_ mode: PostingMode, transfersBefore: Int, posted: Int, state: EscrowState) async throws {
        let violations = try await LedgerAudit(db: app.db).violations()
        guard violations.isEmpty else {
            throw BenchmarkError("ledger invariants broken after \(mode.name): \(violations.prefix(5))")
        }
        let stored = try await LedgerTransfer.query(on: app.db).count()
        guard stored == transfersBefore + posted else {
            throw BenchmarkError("\(mode.name): posted \(posted) transfers but \(stored - transfersBefore) were stored")
        }
        let escrow = try await app.db.sqlDatabase.raw(
            "SELECT CAST(COALESCE(SUM(balance), 0) AS BIGINT) AS held FROM ledger_accounts WHERE kind = 'escrow'"
        ).first()?.decode(column: "held", as: Int64.self)
        guard escrow == state.totalHeld else {
            throw BenchmarkError("\(mode.name): escrow holds \(escrow ?? -1), the posters expect \(state.totalHeld)")
        }
    }
}
