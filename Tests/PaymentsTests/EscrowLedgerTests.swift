import Fluent
import Foundation
import Payments
import Platform
import TestSupport
import Testing

/// Escrow on a real database: a hold, each resolution with its money in the ledger, refusals that change
/// nothing, and many concurrent resolutions of one escrow of which exactly one happens.
@Suite("Escrow on the ledger")
struct EscrowLedgerTests {
    let delivery = UUID()
    let customer = UUID()
    let traveler = UUID()

    private func hold(_ context: CallContext) async throws -> EscrowAccount {
        try await EscrowLedger(context: context).hold(
            .init(deliveryId: delivery, customerId: customer, amount: 10_000, currency: "eur"))
    }

    private func balance(_ kind: LedgerAccountKind, _ owner: UUID?, _ context: CallContext) async throws -> Int64 {
        try await Ledger(context: context).balance(of: LedgerAccountRef(kind, owner: owner, currency: "EUR"))
    }

    @Test(
        "held, then released: the traveler's pending balance has the price less commission, the platform the commission"
    )
    func release() async throws {
        try await withTestApp { t in
            let context = t.app.callContext()
            let escrow = try await hold(context)
            #expect(escrow.status == .held)
            #expect(try await balance(.escrow, delivery, context) == 10_000)
            let released = try await EscrowLedger(context: context).release(
                try escrow.requireID(), to: traveler, commission: 1_500, reason: "delivery code verified")
            #expect(released.status == .released)
            #expect(released.releasedAmount == 10_000)
            #expect(try await balance(.escrow, delivery, context) == 0)
            #expect(try await balance(.travelerPending, traveler, context) == 8_500)
            #expect(try await balance(.platformRevenue, nil, context) == 1_500)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("a refund returns everything; a resolved escrow refuses every further move and nothing moves")
    func refundThenNothing() async throws {
        try await withTestApp { t in
            let context = t.app.callContext()
            let id = try await hold(context).requireID()
            let escrows = EscrowLedger(context: context)
            #expect(try await escrows.refund(id, reason: "cancelled before pickup").status == .refunded)
            #expect(try await balance(.refunds, customer, context) == 10_000)
            for attempt in [
                { try await escrows.release(id, to: traveler, commission: 0, reason: "again") },
                { try await escrows.refund(id, reason: "again") }, { try await escrows.freeze(id) },
            ] as [@Sendable () async throws -> EscrowAccount] {
                do {
                    _ = try await attempt()
                    Issue.record("a resolved escrow moved")
                } catch let error as EscrowError {
                    #expect(error.code == "INVALID_STATE_TRANSITION")
                }
            }
            #expect(try await balance(.travelerPending, traveler, context) == 0)
            #expect(try await balance(.refunds, customer, context) == 10_000)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("a dispute freezes the escrow, blocks a split while held, and ends in a split to the minor unit")
    func disputeSplit() async throws {
        try await withTestApp { t in
            let context = t.app.callContext()
            let id = try await hold(context).requireID()
            let escrows = EscrowLedger(context: context)
            let shares = EscrowShares(traveler: 4_250, commission: 750, customer: 5_000)
            do {
                _ = try await escrows.split(id, shares, travelerId: traveler, reason: "no dispute")
                Issue.record("a held escrow was split")
            } catch let error as EscrowError {
                #expect(error == .invalidTransition(from: .held, to: .split))
            }
            #expect(try await escrows.freeze(id).status == .frozen)
            do {
                _ = try await escrows.split(
                    id, EscrowShares(traveler: 4_250, commission: 750, customer: 4_999), travelerId: traveler,
                    reason: "off by one")
                Issue.record("shares that do not add up were taken")
            } catch let error as EscrowError {
                #expect(error.code == "INVALID_ESCROW_SHARES")
            }
            #expect(try await EscrowAccount.find(id, on: t.app.db)?.status == .frozen, "the refusal rolled back")
            #expect(try await escrows.split(id, shares, travelerId: traveler, reason: "half each").status == .split)
            #expect(try await balance(.travelerPending, traveler, context) == 4_250)
            #expect(try await balance(.platformRevenue, nil, context) == 750)
            #expect(try await balance(.refunds, customer, context) == 5_000)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("fifty concurrent releases, refunds and splits of one escrow resolve it exactly once")
    func concurrentResolutions() async throws {
        try await withTestApp { t in
            let context = t.app.callContext()
            let id = try await hold(context).requireID()
            _ = try await EscrowLedger(context: context).freeze(id)
            let traveler = self.traveler
            let outcomes = try await withThrowingTaskGroup(of: EscrowStatus?.self) { group in
                for attempt in 0..<50 {
                    group.addTask {
                        let escrows = EscrowLedger(context: context)
                        do {
                            switch attempt % 3 {
                            case 0:
                                return try await escrows.release(id, to: traveler, commission: 1_000, reason: "r")
                                    .status
                            case 1: return try await escrows.refund(id, reason: "r").status
                            default:
                                return try await escrows.split(
                                    id, EscrowShares(traveler: 3_000, commission: 0, customer: 7_000),
                                    travelerId: traveler, reason: "r"
                                ).status
                            }
                        } catch let error as EscrowError where error.code == "INVALID_STATE_TRANSITION" {
                            return nil
                        }
                    }
                }
                return try await group.reduce(into: [EscrowStatus]()) { if let status = $1 { $0.append(status) } }
            }
            #expect(outcomes.count == 1, "\(outcomes)")
            #expect(try await LedgerTransfer.query(on: t.app.db).count() == 2, "the hold and one resolution")
            #expect(try await balance(.escrow, delivery, context) == 0)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }
}
