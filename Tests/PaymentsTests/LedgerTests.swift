import Fluent
import Foundation
import Payments
import Platform
import SQLKit
import TestSupport
import Testing

/// The ledger on a real database (SQLite, then PostgreSQL under `scripts/test`): balances, refusals that leave
/// nothing behind, idempotency, a race on one escrow, and the audit that checks the invariants.
@Suite("Double-entry ledger")
struct LedgerTests {
    let delivery = UUID()
    let customer = UUID()
    let traveler = UUID()
    var cause: TransferCause { TransferCause("test", referenceType: "delivery", referenceId: delivery) }
    var funding: LedgerAccountRef { LedgerAccountRef(.customerFunding, owner: customer, currency: "EUR") }
    var escrow: LedgerAccountRef { LedgerAccountRef(.escrow, owner: delivery, currency: "EUR") }
    var pending: LedgerAccountRef { LedgerAccountRef(.travelerPending, owner: traveler, currency: "EUR") }
    var revenue: LedgerAccountRef { LedgerAccountRef(.platformRevenue, currency: "EUR") }

    private func release(_ key: String) -> TransferRequest {
        TransferRequest(
            idempotencyKey: key, cause: cause,
            legs: [.init(escrow, -10_000), .init(pending, 8_500), .init(revenue, 1_500)])
    }

    @Test("a payment held in escrow and released to the traveler and the platform; every invariant holds")
    func holdAndRelease() async throws {
        try await withTestApp { t in
            let ledger = Ledger(context: t.app.callContext())
            try await ledger.post(.move(10_000, from: funding, to: escrow, key: "hold", cause: cause))
            #expect(try await ledger.balance(of: escrow) == 10_000)
            #expect(try await ledger.balance(of: funding) == -10_000)
            try await ledger.post(release("release"))
            #expect(try await ledger.balance(of: escrow) == 0)
            #expect(try await ledger.balance(of: pending) == 8_500)
            #expect(try await ledger.balance(of: revenue) == 1_500)
            #expect(try await LedgerTransfer.query(on: t.app.db).count() == 2)
            #expect(try await LedgerEntry.query(on: t.app.db).count() == 5)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("taking more than an account holds refuses the whole batch and posts nothing of it")
    func overdraftRollsBack() async throws {
        try await withTestApp { t in
            let ledger = Ledger(context: t.app.callContext())
            let batch = [
                TransferRequest.move(6_000, from: funding, to: escrow, key: "hold", cause: cause), release("r"),
            ]
            do {
                try await ledger.post(batch)
                Issue.record("a batch that overdraws the escrow posted")
            } catch let error as LedgerError {
                #expect(error == .insufficientFunds(account: escrow.code))
            }
            #expect(try await ledger.balance(of: escrow) == 0)
            #expect(try await LedgerTransfer.query(on: t.app.db).count() == 0)
            #expect(try await LedgerEntry.query(on: t.app.db).count() == 0)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("a key posts once: the same movement again is a no-op, another movement under it is refused")
    func idempotency() async throws {
        try await withTestApp { t in
            let ledger = Ledger(context: t.app.callContext())
            let hold = TransferRequest.move(10_000, from: funding, to: escrow, key: "hold", cause: cause)
            guard case .posted(let id) = try await ledger.post(hold) else { Issue.record("not posted"); return }
            #expect(try await ledger.post(hold) == .alreadyPosted(id))
            #expect(try await ledger.balance(of: escrow) == 10_000)
            let reuse = await #expect(throws: LedgerError.self) {
                try await ledger.post(.move(9_999, from: funding, to: escrow, key: "hold", cause: cause))
            }
            #expect(reuse == .keyReused("hold"))
            await #expect(throws: LedgerError.self) {
                try await ledger.post(.move(1, from: funding, to: escrow, key: "bad", cause: cause).withLeg(0))
            }
            #expect(try await ledger.balance(of: escrow) == 10_000)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("twenty releases of one escrow at once: exactly one moves the money")
    func concurrentReleases() async throws {
        try await withTestApp { t in
            let context = t.app.callContext()
            try await Ledger(context: context).post(.move(10_000, from: funding, to: escrow, key: "hold", cause: cause))
            let releases = (0..<20).map { release("release-\($0)") }
            let posted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for transfer in releases {
                    group.addTask {
                        do {
                            try await Ledger(context: context).post(transfer)
                            return true
                        } catch LedgerError.insufficientFunds {
                            return false
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(posted == 1)
            #expect(try await Ledger(context: context).balance(of: pending) == 8_500)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("twenty posts of one key at once: one posts, the others are told it already did")
    func concurrentSameKey() async throws {
        try await withTestApp { t in
            let context = t.app.callContext()
            let hold = TransferRequest.move(10_000, from: funding, to: escrow, key: "hold", cause: cause)
            let outcomes = try await withThrowingTaskGroup(of: Ledger.Outcome.self) { group in
                for _ in 0..<20 { group.addTask { try await Ledger(context: context).post(hold) } }
                return try await group.reduce(into: [Ledger.Outcome]()) { $0.append($1) }
            }
            let posted = outcomes.compactMap { if case .posted(let id) = $0 { id } else { nil } }
            #expect(posted.count == 1)
            #expect(outcomes.filter { $0 == .alreadyPosted(posted.first ?? UUID()) }.count == 19)
            #expect(try await Ledger(context: context).balance(of: escrow) == 10_000)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("the audit reports a balance that no longer matches its entries")
    func auditFindsTampering() async throws {
        try await withTestApp { t in
            let ledger = Ledger(context: t.app.callContext())
            try await ledger.post(.move(10_000, from: funding, to: escrow, key: "hold", cause: cause))
            try await t.app.db.sqlDatabase.raw(
                "UPDATE ledger_accounts SET balance = balance + 1 WHERE code = \(bind: escrow.code)"
            ).run()
            let violations = try await LedgerAudit(db: t.app.db).violations()
            #expect(violations.contains("account \(escrow.code) differs from its entries"))
            #expect(violations.contains("balances in EUR do not sum to zero"))
        }
    }
}

extension TransferRequest {
    /// The transfer with one leg set to `amount`, to make it unbalanced.
    fileprivate func withLeg(_ amount: Int64) -> TransferRequest {
        var copy = self
        copy.legs[0].amount = amount
        return copy
    }
}
