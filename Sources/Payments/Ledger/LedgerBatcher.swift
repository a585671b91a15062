import Foundation
import Platform

/// Group commit for callers whose transfers stand alone: concurrent calls to `post(_:)` are collected and
/// posted through `Ledger.post` in one transaction, so they share one commit (one WAL flush on PostgreSQL)
/// instead of paying one each. Each caller is resumed with the outcomes of its own transfers, in its order.
///
/// Only for transfers that are the whole change: a transfer that must commit together with a business change
/// (an escrow's status, a booking, a refund row) posts with `Ledger(context:)` inside that change's
/// transaction instead; the batcher commits on its own connection, apart from anything the caller does.
///
/// - A caller's transfers stay together: in the shared transaction, or, if that fails, in a transaction of
///   their own. A batch that fails (one caller's insufficient funds, a key reused for another movement) is
///   posted again caller by caller, so one caller's refusal never fails the others. Posting again is safe even
///   if the failed batch did commit (a connection lost during `COMMIT`): the keys answer `alreadyPosted`.
/// - One batch is in flight at a time: callers arriving while it commits form the next one. Two batches side
///   by side could lock the same accounts in opposite orders (the ledger orders the legs of one transfer, not
///   those of a batch) and deadlock.
/// - A malformed transfer is refused at once and never joins a batch.
/// - Cancelling a caller does not withdraw transfers it handed over.
///
/// It pays only where a commit costs more than the transfers it carries: with `Ledger.post` sending about ten
/// statements per transfer, sharing commits gained 1.05–1.2× (BENCHMARKS.md, "Ledger").
public actor LedgerBatcher {
    /// How the batcher has posted so far, to tell how many callers shared each commit.
    public struct Statistics: Sendable, Equatable {
        /// Transactions of more than one caller that committed.
        public var sharedTransactions = 0
        /// Transactions of one caller: alone in its batch, or posted again after its batch failed.
        public var singleTransactions = 0
        /// Batches that failed and were posted again caller by caller.
        public var fallbacks = 0
        /// Callers whose transfers posted.
        public var callersPosted = 0
        /// Transfers in the largest transaction of more than one caller.
        public var largestSharedBatch = 0

        public init(
            sharedTransactions: Int = 0, singleTransactions: Int = 0, fallbacks: Int = 0, callersPosted: Int = 0,
            largestSharedBatch: Int = 0
        ) {
            self.sharedTransactions = sharedTransactions
            self.singleTransactions = singleTransactions
            self.fallbacks = fallbacks
            self.callersPosted = callersPosted
            self.largestSharedBatch = largestSharedBatch
        }
    }

    private struct Caller {
        var transfers: [TransferRequest]
        var continuation: CheckedContinuation<[Ledger.Outcome], any Error>
    }

    private let ledger: Ledger
    private let maximumTransfers: Int
    private let window: Duration
    private var waiting: [Caller] = []
    private var waitingTransfers = 0
    private var draining = false
    private var wakeUp: CheckedContinuation<Void, Never>?
    private var windowGeneration = 0
    public private(set) var statistics = Statistics()

    /// - Parameters:
    ///   - context: a context on the application's database, not in a transaction (see above).
    ///   - maximumTransfers: the most transfers one transaction takes (a caller with more posts alone).
    ///   - window: how long a batch waits for more callers before it posts, unless it is full; zero posts at
    ///     once what arrived while the previous batch committed.
    public init(context: CallContext, maximumTransfers: Int = 200, window: Duration = .zero) {
        precondition(!context.db.inTransaction, "LedgerBatcher commits apart: in a transaction, post with Ledger")
        ledger = Ledger(context: context)
        self.maximumTransfers = max(1, maximumTransfers)
        self.window = window
    }

    /// Posts `transfers` in one transaction, shared with other callers' when they arrive together.
    @discardableResult
    public func post(_ transfers: [TransferRequest]) async throws -> [Ledger.Outcome] {
        let problems = transfers.flatMap(\.problems)
        guard problems.isEmpty else { throw LedgerError.invalidTransfer(problems) }
        guard !transfers.isEmpty else { return [] }
        return try await withCheckedThrowingContinuation { continuation in
            waiting.append(Caller(transfers: transfers, continuation: continuation))
            waitingTransfers += transfers.count
            if waitingTransfers >= maximumTransfers { wake() }
            if !draining {
                draining = true
                Task { await drain() }
            }
        }
    }

    @discardableResult
    public func post(_ transfer: TransferRequest) async throws -> Ledger.Outcome {
        try await post([transfer])[0]
    }

    private func drain() async {
        while !waiting.isEmpty {
            await waitForCompany()
            await post(takeBatch())
        }
        draining = false
    }

    /// The callers that arrived first, up to `maximumTransfers` transfers (always at least one caller).
    private func takeBatch() -> [Caller] {
        var count = 0
        var taken = 0
        while taken < waiting.count, taken == 0 || count + waiting[taken].transfers.count <= maximumTransfers {
            count += waiting[taken].transfers.count
            taken += 1
        }
        let batch = Array(waiting.prefix(taken))
        waiting.removeFirst(taken)
        waitingTransfers -= count
        return batch
    }

    private func post(_ batch: [Caller]) async {
        do {
            let transfers = batch.flatMap(\.transfers)
            var outcomes = try await ledger.post(transfers)[...]
            if batch.count > 1 {
                statistics.sharedTransactions += 1
                statistics.largestSharedBatch = max(statistics.largestSharedBatch, transfers.count)
            } else {
                statistics.singleTransactions += 1
            }
            for caller in batch {
                caller.continuation.resume(returning: Array(outcomes.prefix(caller.transfers.count)))
                outcomes = outcomes.dropFirst(caller.transfers.count)
            }
            statistics.callersPosted += batch.count
        } catch {
            guard batch.count > 1 else {
                statistics.singleTransactions += 1
                batch[0].continuation.resume(throwing: error)
                return
            }
            // Whose transfer was refused is not known: each caller posts again alone, in arrival order, so a
            // caller whose transfer depends on an earlier one's money still sees it.
            statistics.fallbacks += 1
            for caller in batch {
                statistics.singleTransactions += 1
                do {
                    caller.continuation.resume(returning: try await ledger.post(caller.transfers))
                    statistics.callersPosted += 1
                } catch {
                    caller.continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Waits up to `window` for more callers, or until the batch is full.
    private func waitForCompany() async {
        guard window > .zero, waitingTransfers < maximumTransfers else { return }
        windowGeneration += 1
        let generation = windowGeneration
        let window = self.window
        await withCheckedContinuation { continuation in
            wakeUp = continuation
            Task {
                try? await Task.sleep(for: window)
                wake(generation: generation)
            }
        }
    }

    /// Ends the current window early; a timer of an earlier window does nothing.
    private func wake(generation: Int? = nil) {
        guard generation == nil || generation == windowGeneration else { return }
        wakeUp?.resume()
        wakeUp = nil
    }
}
