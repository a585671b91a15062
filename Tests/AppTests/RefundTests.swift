import Fluent
import Foundation
import Payments
import TestSupport
import Testing

/// Cancellations refund by the cancellation policy; earnings clear after the clearing period. The ledger's
/// invariants hold after each.
@Suite("Refunds and clearing")
struct RefundTests {
    static let price = PaymentJourneyTests.price
    static let fee = PaymentJourneyTests.processingFee

    private func cancel(_ t: TestApp, _ booking: Booking, by who: TestAccount) async throws {
        let cancelled = try await t.request(
            .POST, "/api/v1/deliveries/\(booking.deliveryId)/cancel", json: ["reason": "Plans changed"],
            token: who.accessToken)
        #expect(cancelled.status == .ok, "\(cancelled.text)")
    }

    private func balance(_ t: TestApp, _ kind: LedgerAccountKind, _ owner: String) async throws -> Int64 {
        try await Ledger(context: t.app.callContext()).balance(
            of: LedgerAccountRef(kind, owner: UUID(uuidString: owner), currency: "EUR"))
    }

    private func intentStatus(_ t: TestApp, _ booking: Booking) async throws -> String? {
        try await t.request(.GET, "/api/v1/payments/history", token: booking.customer.accessToken).list.first?[
            "status"] as? String
    }

    @Test("a customer cancelling a day or more ahead gets the price back; the processing fee stays spent")
    func customerEarly() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            try await cancel(t, booking, by: booking.customer)
            #expect(try await balance(t, .refunds, booking.customer.id) == Self.price)
            #expect(try await balance(t, .travelerPending, booking.traveler.id) == 0)
            let refund = try #require(try await Refund.query(on: t.app.db).first())
            #expect(refund.status == .pending)
            #expect(refund.amount == Self.price)
            try await t.runJobs()
            let sent = try #require(try await Refund.find(refund.id, on: t.app.db))
            #expect(sent.status == .succeeded)
            #expect(sent.providerRefundId?.hasPrefix("re_") == true)
            #expect(try await intentStatus(t, booking) == "partially_refunded")
            #expect(try await EscrowAccount.query(on: t.app.db).first()?.status == .refunded)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("a customer cancelling less than a day ahead gets half; the traveler keeps the other half")
    func customerLate() async throws {
        try await withTestApp { t in
            var booking = try await t.bookDelivery()
            t.clock.advance(by: 20 * 3600)
            booking.customer = try await t.logIn(booking.customer)
            try await cancel(t, booking, by: booking.customer)
            #expect(try await balance(t, .refunds, booking.customer.id) == Self.price / 2)
            #expect(try await balance(t, .travelerPending, booking.traveler.id) == Self.price / 2)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("a traveler's cancellation, or the trip's, refunds everything, the processing fee too")
    func travelerOrTrip() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            try await cancel(t, booking, by: booking.traveler)
            #expect(try await balance(t, .refunds, booking.customer.id) == Self.price + Self.fee)
            #expect(try await intentStatus(t, booking) == "refunded")

            let other = try await t.bookDelivery()
            let cancelled = try await t.request(
                .POST, "/api/v1/trips/\(other.tripId)/cancel", json: ["reason": "Flight cancelled"],
                token: other.traveler.accessToken)
            #expect(cancelled.status == .ok)
            #expect(try await balance(t, .refunds, other.customer.id) == Self.price + Self.fee)
            try await t.runJobs()
            #expect(try await Refund.query(on: t.app.db).filter(\.$status == .succeeded).count() == 2)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("earnings stay pending for the clearing period, then become available once")
    func clearing() async throws {
        try await withTestApp { t in
            var booking = try await t.bookDelivery()
            try await t.scan("pickup", of: booking)
            try await t.scan("delivery", of: booking)
            let earned = Self.price - PaymentJourneyTests.commission
            t.clock.advance(by: EarningsClearing.clearingPeriod - 60)
            try await t.runJobs()
            #expect(try await balance(t, .travelerPending, booking.traveler.id) == earned)
            t.clock.advance(by: 3600 + 120)
            try await t.runJobs()
            try await EarningsClearing(context: t.app.callContext()).clearDue()
            #expect(try await balance(t, .travelerPending, booking.traveler.id) == 0)
            #expect(try await balance(t, .travelerAvailable, booking.traveler.id) == earned)
            booking.traveler = try await t.logIn(booking.traveler)
            let shown = try await t.request(.GET, "/api/v1/payments/balance", token: booking.traveler.accessToken)
            #expect(shown.list.first?["available"] as? Int == Int(earned))
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }
}
