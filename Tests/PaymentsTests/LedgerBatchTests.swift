import Fluent
import Foundation
import Payments
import Platform
import TestSupport
import Testing

/// Batches posted set-based: a batch is applied transfer by transfer in its order, repeats a key only for the
/// same movement, spans several statements' worth of rows, and concurrent batches over the same accounts in
/// opposite orders neither deadlock nor lose a cent.
@Suite("Ledger batches")
struct LedgerBatchTests {
    let customer = UUID()
    let traveler = UUID()
    var funding: LedgerAccountRef { LedgerAccountRef(.customerFunding, owner: customer, currency: "EUR") }
    var pending: LedgerAccountRef { LedgerAccountRef(.travelerPending, owner: traveler, currency: "EUR") }
    var available: LedgerAccountRef { LedgerAccountRef(.travelerAvailable, owner: traveler, currency: "EUR") }

    private func escrow(_ delivery: UUID) -> LedgerAccountRef {
        LedgerAccountRef(.escrow, owner: delivery, currency: "EUR")
    }

    private func cause(_ delivery: UUID) -> TransferCause {
        TransferCause("test", referenceType: "delivery", referenceId: delivery)
    }

    @Test("a batch is applied in its order: money a transfer brings in may be spent by a later one, not an earlier")
    func orderWithinBatch() async throws {
        try await withTestApp { t in
            let ledger = Ledger(context: t.app.callContext())
            let delivery = UUID()
            let hold = TransferRequest.move(
                5_000, from: funding, to: escrow(delivery), key: "hold", cause: cause(delivery))
            let release = TransferRequest.move(
                5_000, from: escrow(delivery), to: pending, key: "release", cause: cause(delivery))
            await #expect(throws: LedgerError.insufficientFunds(account: escrow(delivery).code)) {
                try await ledger.post([release, hold])
            }
            #expect(try await LedgerTransfer.query(on: t.app.db).count() == 0)
            let outcomes = try await ledger.post([hold, release])
            #expect(outcomes.count == 2)
            #expect(try await ledger.balance(of: escrow(delivery)) == 0)
            #expect(try await ledger.balance(of: pending) == 5_000)
            #expect(try await LedgerEntry.query(on: t.app.db).count() == 4)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("a transfer's description is stored as written, and an empty one as none, on either database")
    func descriptions() async throws {
        try await withTestApp { t in
            let ledger = Ledger(context: t.app.callContext())
            let delivery = UUID()
            var described = TransferRequest.move(
                100, from: funding, to: escrow(delivery), key: "described", cause: cause(delivery))
            described.description = "Held for DLV-1"
            var empty = TransferRequest.move(
                100, from: funding, to: escrow(delivery), key: "empty", cause: cause(delivery))
            empty.description = ""
            try await ledger.post([described, empty])
            let stored = try await LedgerTransfer.query(on: t.app.db).all()
            let byKey = Dictionary(uniqueKeysWithValues: stored.map { ($0.idempotencyKey, $0.description) })
            #expect(byKey["described"] == .some("Held for DLV-1"))
            #expect(byKey["empty"] == .some(nil))
        }
    }

    @Test("a key twice in one batch: the same movement posts once, another movement refuses the whole batch")
    func repeatedKeyWithinBatch() async throws {
        try await withTestApp { t in
            let ledger = Ledger(context: t.app.callContext())
            let delivery = UUID()
            let hold = TransferRequest.move(
                5_000, from: funding, to: escrow(delivery), key: "hold", cause: cause(delivery))
            let other = TransferRequest.move(
                4_000, from: funding, to: escrow(delivery), key: "hold", cause: cause(delivery))
            await #expect(throws: LedgerError.keyReused("hold")) { try await ledger.post([hold, other]) }
            #expect(try await LedgerTransfer.query(on: t.app.db).count() == 0)
            let outcomes = try await ledger.post([hold, hold])
            guard case .posted(let id) = outcomes.first else {
                Issue.record("the first of the key did not post")
                return
            }
            #expect(outcomes == [.posted(id), .alreadyPosted(id)])
            #expect(try await ledger.balance(of: escrow(delivery)) == 5_000)
            #expect(try await ledger.post([hold]) == [.alreadyPosted(id)])
        }
    }

    @Test(
        "a batch of 1,200 transfers, over several statements' worth of rows, posts whole; posted again, nothing moves")
    func largeBatch() async throws {
        try await withTestApp { t in
            let ledger = Ledger(context: t.app.callContext())
            let deliveries = (0..<600).map { _ in UUID() }
            let batch = deliveries.flatMap { delivery in
                [
                    TransferRequest.move(
                        1_000, from: funding, to: escrow(delivery), key: "hold-\(delivery)", cause: cause(delivery)),
                    TransferRequest.move(
                        1_000, from: escrow(delivery), to: pending, key: "release-\(delivery)",
                        cause: cause(delivery)),
                ]
            }
            let outcomes = try await ledger.post(batch)
            #expect(outcomes.allSatisfy { if case .posted = $0 { true } else { false } })
            #expect(try await ledger.balance(of: pending) == 600_000)
            #expect(try await ledger.balance(of: funding) == -600_000)
            #expect(try await LedgerAccount.query(on: t.app.db).count() == 602)
            #expect(try await LedgerEntry.query(on: t.app.db).count() == 2_400)
            let again = try await ledger.post(batch)
            #expect(again.allSatisfy { if case .alreadyPosted = $0 { true } else { false } })
            #expect(try await ledger.balance(of: pending) == 600_000)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("sixteen concurrent batches over the same accounts, in opposite orders, all post and balance")
    func concurrentBatchesOverSharedAccounts() async throws {
        try await withTestApp { t in
            let context = t.app.callContext()
            let ledger = Ledger(context: context)
            // Both traveler accounts hold money, so each batch moves it back and forth between them.
            try await ledger.post([
                .move(100_000, from: funding, to: pending, key: "seed-pending", cause: cause(customer)),
                .move(100_000, from: funding, to: available, key: "seed-available", cause: cause(customer)),
            ])
            let (pending, available) = (pending, available)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for poster in 0..<16 {
                    group.addTask {
                        let (from, to) = poster.isMultiple(of: 2) ? (pending, available) : (available, pending)
                        let batch = (0..<10).map { index in
                            TransferRequest.move(
                                100, from: index.isMultiple(of: 2) ? from : to, to: index.isMultiple(of: 2) ? to : from,
                                key: "swap-\(poster)-\(index)",
                                cause: TransferCause("test", referenceType: "delivery", referenceId: UUID()))
                        }
                        try await Ledger(context: context).post(batch)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await LedgerTransfer.query(on: t.app.db).count() == 2 + 16 * 10)
            #expect(try await ledger.balance(of: pending) == 100_000)
            #expect(try await ledger.balance(of: available) == 100_000)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }
}
