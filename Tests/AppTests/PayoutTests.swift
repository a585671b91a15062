import Fluent
import Foundation
import Payments
import Platform
import TestSupport
import Testing

/// Earned, cleared, paid out: the whole way of a traveler's money, and what a failed payout gives back.
@Suite("Payouts")
struct PayoutTests {
    static let earned = PaymentJourneyTests.price - PaymentJourneyTests.commission

    /// A delivered booking whose earnings have cleared; the traveler signed in again after the wait.
    private func clearedBooking(_ t: TestApp) async throws -> Booking {
        var booking = try await t.bookDelivery()
        try await t.scan("pickup", of: booking)
        try await t.scan("delivery", of: booking)
        t.clock.advance(by: EarningsClearing.clearingPeriod + 1)
        try await EarningsClearing(context: t.app.callContext()).clearDue()
        booking.traveler = try await t.logIn(booking.traveler)
        return booking
    }

    private func openAccount(_ t: TestApp, for account: TestAccount) async throws -> APIResponse {
        try await t.request(
            .POST, "/api/v1/payments/payout-accounts", json: ["country": "GB", "currency": "EUR"],
            token: account.accessToken)
    }

    @Test("accept → pickup → drop → clearing → payout: the traveler is paid the price less commission")
    func endToEnd() async throws {
        try await withTestApp { t in
            let booking = try await clearedBooking(t)
            let noAccount = try await t.request(
                .POST, "/api/v1/payments/payouts", json: ["currency": "EUR"], token: booking.traveler.accessToken)
            #expect(noAccount.status == .notFound)
            #expect(noAccount.code == "PAYOUT_ACCOUNT_NOT_FOUND")
            let opened = try await openAccount(t, for: booking.traveler)
            #expect(opened.status == .created, "\(opened.text)")
            #expect(opened.string("data.status") == "active")
            #expect(try await openAccount(t, for: booking.traveler).code == "PAYOUT_ACCOUNT_EXISTS")

            let tooMuch = try await t.request(
                .POST, "/api/v1/payments/payouts", json: ["currency": "EUR", "amount": Self.earned + 1],
                token: booking.traveler.accessToken)
            #expect(tooMuch.status == .conflict)
            #expect(tooMuch.code == "INSUFFICIENT_FUNDS")
            let paid = try await t.request(
                .POST, "/api/v1/payments/payouts", json: ["currency": "EUR"], token: booking.traveler.accessToken)
            #expect(paid.status == .created, "\(paid.text)")
            #expect(paid.string("data.status") == "paid")
            #expect(paid["data.amount.amount"] as? Int == Int(Self.earned))
            #expect(paid["data.fee.amount"] as? Int == 0)
            let balance = try await t.request(
                .GET, "/api/v1/payments/balance", token: booking.traveler.accessToken)
            #expect(balance.list.first?["available"] as? Int == 0)
            #expect(balance.list.first?["paidOut"] as? Int == Int(Self.earned))
            let listed = try await t.request(.GET, "/api/v1/payments/payouts", token: booking.traveler.accessToken)
            #expect(listed.list.count == 1)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("an instant payout costs 1 % (at least 50), kept by the platform; below the minimum is 422")
    func instant() async throws {
        try await withTestApp { t in
            let booking = try await clearedBooking(t)
            _ = try await openAccount(t, for: booking.traveler)
            let small = try await t.request(
                .POST, "/api/v1/payments/payouts", json: ["currency": "EUR", "amount": 100, "type": "instant"],
                token: booking.traveler.accessToken)
            #expect(small.status == .unprocessableEntity)
            #expect(small.code == "PAYOUT_BELOW_MINIMUM")
            let instant = try await t.request(
                .POST, "/api/v1/payments/payouts", json: ["currency": "EUR", "amount": 3000, "type": "instant"],
                token: booking.traveler.accessToken)
            #expect(instant.status == .created, "\(instant.text)")
            #expect(instant["data.fee.amount"] as? Int == 50)
            #expect(instant["data.netAmount.amount"] as? Int == 2950)
            let revenue = try await Ledger(context: t.app.callContext()).balance(
                of: LedgerAccountRef(.platformRevenue, currency: "EUR"))
            #expect(revenue == PaymentJourneyTests.commission + 50)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("an admin pays a traveler out by hand, audited with the reason; a member cannot name another")
    func manual() async throws {
        try await withTestApp { t in
            let booking = try await clearedBooking(t)
            _ = try await openAccount(t, for: booking.traveler)
            let admin = try await t.superAdmin()
            let customer = try await t.logIn(booking.customer)
            let byMember = try await t.request(
                .POST, "/api/v1/payments/payouts", json: ["currency": "EUR", "userId": booking.traveler.id],
                token: customer.accessToken)
            #expect(byMember.status == .forbidden)
            let memberOnAdminRoute = try await t.request(
                .POST, "/api/v1/admin/finance/payouts/manual",
                json: ["currency": "EUR", "userId": booking.traveler.id], token: booking.traveler.accessToken)
            #expect(memberOnAdminRoute.status == .forbidden)
            let unnamed = try await t.request(
                .POST, "/api/v1/admin/finance/payouts/manual", json: ["currency": "EUR"], token: admin.accessToken)
            #expect(unnamed.status == .unprocessableEntity)
            #expect(unnamed.errors == ["userId is required"])

            let paid = try await t.request(
                .POST, "/api/v1/admin/finance/payouts/manual",
                json: [
                    "currency": "EUR", "userId": booking.traveler.id, "amount": 1000,
                    "reason": "Bank details fixed after a failed weekly run",
                ], token: admin.accessToken)
            #expect(paid.status == .created, "\(paid.text)")
            #expect(paid.string("data.status") == "paid")
            #expect(paid["data.amount.amount"] as? Int == 1000)
            let audit = try #require(
                try await AuditLogEntry.query(on: t.app.db).filter(\.$action == "manual_payout").first())
            #expect(audit.actorId == UUID(uuidString: admin.id))
            #expect(audit.userId == UUID(uuidString: booking.traveler.id))
            #expect(audit.metadata["reason"] == "Bank details fixed after a failed weekly run")
            #expect(audit.metadata["amount"] == "1000")
            let balance = try await t.request(.GET, "/api/v1/payments/balance", token: booking.traveler.accessToken)
            #expect(balance.list.first?["available"] as? Int == Int(Self.earned) - 1000)
            #expect(balance.list.first?["paidOut"] as? Int == 1000)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("the weekly run pays out every available balance; a failed payout returns the money to available")
    func scheduledAndFailed() async throws {
        try await withTestApp { t in
            let booking = try await clearedBooking(t)
            _ = try await openAccount(t, for: booking.traveler)
            let sandbox = t.app.paymentProvider
            t.app.paymentProvider = RefusingPayouts(wrapping: sandbox)
            let refused = try await t.request(
                .POST, "/api/v1/payments/payouts", json: ["currency": "EUR"], token: booking.traveler.accessToken)
            #expect(refused.string("data.status") == "failed")
            #expect(refused.string("data.failureReason") == "The bank account was closed")
            let balance = try await t.request(
                .GET, "/api/v1/payments/balance", token: booking.traveler.accessToken)
            #expect(balance.list.first?["available"] as? Int == Int(Self.earned))
            #expect(balance.list.first?["paidOut"] as? Int == 0)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])

            t.app.paymentProvider = sandbox
            #expect(try await Payouts(context: t.app.callContext()).payAllAvailable() == 1)
            let after = try await t.request(.GET, "/api/v1/payments/balance", token: booking.traveler.accessToken)
            #expect(after.list.first?["paidOut"] as? Int == Int(Self.earned))
            #expect(try await Payouts(context: t.app.callContext()).payAllAvailable() == 0)
        }
    }
}

/// The sandbox, but every payout refused as a bank refuses a closed account.
private struct RefusingPayouts: PaymentProvider {
    let wrapping: any PaymentProvider
    var name: String { wrapping.name }

    func charge(_ charge: ProviderCharge) async throws -> ProviderIntent { try await wrapping.charge(charge) }
    func retrieve(intent id: String) async throws -> ProviderIntent { try await wrapping.retrieve(intent: id) }
    func confirm(intent id: String, idempotencyKey: String) async throws -> ProviderIntent {
        try await wrapping.confirm(intent: id, idempotencyKey: idempotencyKey)
    }
    func cancel(intent id: String, idempotencyKey: String) async throws -> ProviderIntent {
        try await wrapping.cancel(intent: id, idempotencyKey: idempotencyKey)
    }
    func refund(intent id: String, amount: Int64, idempotencyKey: String) async throws -> ProviderRefund {
        try await wrapping.refund(intent: id, amount: amount, idempotencyKey: idempotencyKey)
    }
    func createPayoutAccount(_ account: ProviderAccountRequest) async throws -> ProviderAccount {
        try await wrapping.createPayoutAccount(account)
    }
    func retrievePayoutAccount(id: String) async throws -> ProviderAccount {
        try await wrapping.retrievePayoutAccount(id: id)
    }
    func payout(_ payout: ProviderPayoutRequest) async throws -> ProviderPayout {
        throw PaymentProviderError(isTemporary: false, code: "account_closed", message: "The bank account was closed")
    }
}
