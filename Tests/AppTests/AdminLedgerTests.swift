import Foundation
import Payments
import TestSupport
import Testing

/// Finance admins read the ledger: the trial balance with its invariants, the accounts, an account's history with
/// the balance after each entry. Members cannot.
@Suite("Admin ledger reports")
struct AdminLedgerTests {
    static let price = PaymentJourneyTests.price
    static let earnings = PaymentJourneyTests.price - PaymentJourneyTests.commission

    @Test("after a delivery: the trial balance balances, the traveler's account and the escrow's history are exact")
    func reports() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            try await t.scan("pickup", of: booking)
            try await t.scan("delivery", of: booking)
            let admin = try await t.superAdmin()

            let trial = try await t.request(.GET, "/api/v1/admin/ledger/trial-balance", token: admin.accessToken)
            #expect(trial.status == .ok, "\(trial.text)")
            #expect((trial["data.violations"] as? [Any])?.isEmpty == true)
            // The payment (card to escrow, and its processing fee) and the release.
            #expect(trial["data.transfers"] as? Int == 3)
            let eur = try #require((trial["data.currencies"] as? [[String: Any]])?.first)
            #expect(eur["currency"] as? String == "EUR")
            #expect(eur["balanced"] as? Bool == true)
            let charged = Int(Self.price + PaymentJourneyTests.processingFee)
            #expect(eur["debits"] as? Int == charged)
            #expect(eur["credits"] as? Int == charged)
            let kinds = (eur["kinds"] as? [[String: Any]] ?? []).reduce(into: [String: Int]()) {
                $0[$1["kind"] as? String ?? ""] = $1["balance"] as? Int
            }
            #expect(kinds["escrow"] == 0)
            #expect(kinds["traveler_pending"] == Int(Self.earnings))
            #expect(kinds["platform_revenue"] == Int(PaymentJourneyTests.commission))

            let pending = try await t.request(
                .GET, "/api/v1/admin/ledger/accounts?kind=traveler_pending&ownerId=\(booking.traveler.id)",
                token: admin.accessToken)
            #expect(pending.list.count == 1)
            #expect(pending.list.first?["balance"] as? Int == Int(Self.earnings))

            let escrowCode = LedgerAccountRef(.escrow, owner: UUID(uuidString: booking.deliveryId), currency: "EUR")
                .code
            let history = try await t.request(
                .GET, "/api/v1/admin/ledger/accounts/\(escrowCode)/entries", token: admin.accessToken)
            #expect(history.status == .ok, "\(history.text)")
            let entries = try #require(history["data.entries"] as? [[String: Any]])
            #expect(entries.map { $0["amount"] as? Int } == [-Int(Self.price), Int(Self.price)])
            #expect(entries.map { $0["balanceAfter"] as? Int } == [0, Int(Self.price)])
            let secondPage = try await t.request(
                .GET, "/api/v1/admin/ledger/accounts/\(escrowCode)/entries?page=2&limit=1", token: admin.accessToken)
            let older = try #require(secondPage["data.entries"] as? [[String: Any]])
            #expect(older.map { $0["balanceAfter"] as? Int } == [Int(Self.price)])
            #expect(secondPage["data.pagination.total"] as? Int == 2)
        }
    }

    @Test("members are refused; an unknown account is a 404; a bad filter a 422")
    func refusals() async throws {
        try await withTestApp { t in
            let member = try await t.signUp(userType: "customer")
            let admin = try await t.superAdmin()
            for path in ["trial-balance", "accounts", "accounts/platform_revenue:EUR/entries"] {
                let refused = try await t.request(.GET, "/api/v1/admin/ledger/\(path)", token: member.accessToken)
                #expect(refused.status == .forbidden, "\(path)")
            }
            let missing = try await t.request(
                .GET, "/api/v1/admin/ledger/accounts/platform_revenue:EUR/entries", token: admin.accessToken)
            #expect(missing.status == .notFound)
            #expect(missing.code == "LEDGER_ACCOUNT_NOT_FOUND")
            let bad = try await t.request(
                .GET, "/api/v1/admin/ledger/accounts?kind=wallet&ownerId=nope&currency=XYZ", token: admin.accessToken)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errors.count == 3)
        }
    }

    @Test("the audit reports an escrow resolved twice")
    func escrowResolvedTwice() async throws {
        try await withTestApp { t in
            let ledger = Ledger(context: t.app.callContext())
            let delivery = UUID()
            let escrow = LedgerAccountRef(.escrow, owner: delivery, currency: "EUR")
            let funding = LedgerAccountRef(.customerFunding, owner: UUID(), currency: "EUR")
            let refunds = LedgerAccountRef(.refunds, owner: UUID(), currency: "EUR")
            let cause = TransferCause("escrow_refunded", referenceType: "delivery", referenceId: delivery)
            let hold = TransferCause("payment_captured", referenceType: "delivery", referenceId: delivery)
            try await ledger.post(.move(2_000, from: funding, to: escrow, key: "hold", cause: hold))
            try await ledger.post(.move(1_000, from: escrow, to: refunds, key: "refund-1", cause: cause))
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
            try await ledger.post(.move(1_000, from: escrow, to: refunds, key: "refund-2", cause: cause))
            #expect(
                try await LedgerAudit(db: t.app.db).violations() == [
                    "the escrow of \(delivery) resolved more than once"
                ])
        }
    }
}
