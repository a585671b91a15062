import Fluent
import Foundation
import Payments
import Platform
import TestSupport
import Testing

/// Group commit on a real database (SQLite, then PostgreSQL under `scripts/test`): concurrent callers share a
/// transaction, each gets its own outcome, and one caller's refusal never fails another's. The batches wait for
/// a long window but post as soon as they are full, so every caller of a test lands in the same batch however
/// slow the machine is.
@Suite("Ledger group commit")
struct LedgerBatcherTests {
    let traveler = UUID()
    var revenue: LedgerAccountRef { LedgerAccountRef(.platformRevenue, currency: "EUR") }

    private func funding(_ customer: Int) -> LedgerAccountRef {
        LedgerAccountRef(.customerFunding, owner: uuid(customer), currency: "EUR")
    }

    private func escrow(_ delivery: Int) -> LedgerAccountRef {
        LedgerAccountRef(.escrow, owner: uuid(delivery), currency: "EUR")
    }

    private func hold(_ amount: Int64, delivery: Int, key: String? = nil) -> TransferRequest {
        .move(
            amount, from: funding(delivery), to: escrow(delivery), key: key ?? "hold-\(delivery)",
            cause: TransferCause("payment_captured", referenceType: "delivery", referenceId: uuid(delivery)))
    }

    private func release(_ amount: Int64, delivery: Int, key: String? = nil) -> TransferRequest {
        .move(
            amount, from: escrow(delivery), to: LedgerAccountRef(.travelerPending, owner: traveler, currency: "EUR"),
            key: key ?? "release-\(delivery)",
            cause: TransferCause("escrow_released", referenceType: "delivery", referenceId: uuid(delivery)))
    }

    /// A fixed id per number, so accounts are easy to name in a test.
    private func uuid(_ number: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number)) ?? UUID()
    }

    /// Posts each caller's transfers from its own task, all at once; each caller's outcomes or error.
    private func postConcurrently(
        _ callers: [[TransferRequest]], through batcher: LedgerBatcher
    ) async -> [Result<[Ledger.Outcome], any Error>] {
        await withTaskGroup(of: (Int, Result<[Ledger.Outcome], any Error>).self) { group in
            for (index, transfers) in callers.enumerated() {
                group.addTask {
                    do { return (index, .success(try await batcher.post(transfers))) } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var results = [Result<[Ledger.Outcome], any Error>?](repeating: nil, count: callers.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
    }

    @Test("twenty concurrent callers share one transaction, and each is answered with its own transfer")
    func callersShareACommit() async throws {
        try await withTestApp { t in
            // setup
            let batcher = LedgerBatcher(context: t.app.callContext(), maximumTransfers: 20, window: .seconds(30))
            // act
            let results = await postConcurrently(
                (0..<20).map { [hold(1_000 + Int64($0), delivery: $0)] }, through: batcher)
            // assert
            let ids = try results.map { result -> UUID in
                guard case .posted(let id) = try result.get().first else { throw LedgerError.keyReused("?") }
                return id
            }
            #expect(Set(ids).count == 20)
            #expect(await batcher.statistics == .init(sharedTransactions: 1, callersPosted: 20, largestSharedBatch: 20))
            let ledger = Ledger(context: t.app.callContext())
            for delivery in 0..<20 {
                #expect(try await ledger.balance(of: escrow(delivery)) == 1_000 + Int64(delivery))
            }
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("one caller's insufficient funds fails that caller alone: the others post, caller by caller")
    func refusalFailsOnlyItsCaller() async throws {
        try await withTestApp { t in
            // setup
            let ledger = Ledger(context: t.app.callContext())
            try await ledger.post(hold(10_000, delivery: 99))
            let batcher = LedgerBatcher(context: t.app.callContext(), maximumTransfers: 5, window: .seconds(30))
            let callers = [
                [hold(1_000, delivery: 1)], [hold(2_000, delivery: 2)],
                [release(20_000, delivery: 99, key: "too-much")],
                [hold(3_000, delivery: 3)], [release(4_000, delivery: 99, key: "part")],
            ]
            // act
            let results = await postConcurrently(callers, through: batcher)
            // assert
            #expect(throws: LedgerError.insufficientFunds(account: escrow(99).code)) { try results[2].get() }
            for index in [0, 1, 3, 4] { #expect((try? results[index].get())?.count == 1) }
            #expect(await batcher.statistics.fallbacks == 1)
            #expect(await batcher.statistics.callersPosted == 4)
            #expect(try await ledger.balance(of: escrow(99)) == 6_000)
            #expect(try await ledger.balance(of: escrow(3)) == 3_000)
            #expect(try await LedgerTransfer.query(on: t.app.db).count() == 5)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("a caller's transfers stay together: when one is refused none of them posts, and the others' do")
    func callersTransfersAreAtomic() async throws {
        try await withTestApp { t async throws in
            // setup
            let batcher = LedgerBatcher(context: t.app.callContext(), maximumTransfers: 3, window: .seconds(30))
            let overdrawing = [hold(5_000, delivery: 1), release(6_000, delivery: 1)]
            // act
            let results = await postConcurrently([overdrawing, [hold(7_000, delivery: 2)]], through: batcher)
            // assert
            #expect(throws: LedgerError.insufficientFunds(account: escrow(1).code)) { try results[0].get() }
            #expect((try? results[1].get())?.count == 1)
            let ledger = Ledger(context: t.app.callContext())
            #expect(try await ledger.balance(of: escrow(1)) == 0)
            #expect(try await ledger.balance(of: escrow(2)) == 7_000)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("one key from two callers of one batch posts once; the second caller is told it already did")
    func sameKeyInOneBatch() async throws {
        try await withTestApp { t in
            // setup
            let batcher = LedgerBatcher(context: t.app.callContext(), maximumTransfers: 2, window: .seconds(30))
            // act
            let results = await postConcurrently(
                [[hold(5_000, delivery: 1)], [hold(5_000, delivery: 1)]], through: batcher)
            // assert
            let outcomes = try results.flatMap { try $0.get() }
            let posted = outcomes.compactMap { if case .posted(let id) = $0 { id } else { nil } }
            #expect(posted.count == 1)
            #expect(outcomes.contains(.alreadyPosted(posted.first ?? UUID())))
            #expect(await batcher.statistics == .init(sharedTransactions: 1, callersPosted: 2, largestSharedBatch: 2))
            #expect(try await Ledger(context: t.app.callContext()).balance(of: escrow(1)) == 5_000)
        }
    }

    @Test("a malformed transfer is refused at once and never joins a batch")
    func malformedTransferNeverJoins() async throws {
        try await withTestApp { t async throws in
            // setup
            let batcher = LedgerBatcher(context: t.app.callContext())
            var unbalanced = hold(5_000, delivery: 1)
            unbalanced.legs[0].amount = -4_999
            // act
            let error = await #expect(throws: LedgerError.self) { try await batcher.post(unbalanced) }
            // assert
            #expect(error?.code == "INVALID_TRANSFER")
            #expect(await batcher.statistics == .init())
            #expect(try await LedgerTransfer.query(on: t.app.db).count() == 0)
        }
    }

    @Test("a batch takes at most maximumTransfers; a caller with more than that posts alone")
    func batchesRespectTheirSize() async throws {
        try await withTestApp { t async throws in
            // setup
            let batcher = LedgerBatcher(context: t.app.callContext(), maximumTransfers: 4)
            let large = (10..<16).map { hold(1_000, delivery: $0) }
            // act
            let results = await postConcurrently(
                [large] + (0..<8).map { [hold(1_000, delivery: $0)] }, through: batcher)
            // assert
            #expect(try results[0].get().count == 6)
            for result in results { #expect((try? result.get()) != nil) }
            let statistics = await batcher.statistics
            #expect(statistics.callersPosted == 9)
            #expect(statistics.sharedTransactions + statistics.singleTransactions >= 3)
            #expect(statistics.largestSharedBatch <= 4)
            #expect(try await LedgerTransfer.query(on: t.app.db).count() == 14)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }
}
