import Foundation
import TestSupport
import Testing

/// The members' money totals (`GET /users/me/statistics`) follow the money with its currency: what a customer
/// paid less refunds, what a traveler earned less what a dispute took back.
@Suite("Money in member statistics")
struct MoneyStatisticsTests {
    static let price = PaymentJourneyTests.price
    static let charged = PaymentJourneyTests.price + PaymentJourneyTests.processingFee
    static let earnings = PaymentJourneyTests.price - PaymentJourneyTests.commission

    private func totals(
        _ t: TestApp, _ who: TestAccount
    ) async throws -> (earned: Int?, spent: Int?, rows: [[String: Any]]) {
        let statistics = try await t.request(.GET, "/api/v1/users/me/statistics", token: who.accessToken)
        #expect(statistics.status == .ok, "\(statistics.text)")
        #expect(statistics.string("data.totalEarnings.currency") == "EUR")
        #expect(statistics.string("data.totalSpent.currency") == "EUR")
        return (
            statistics["data.totalEarnings.amount"] as? Int, statistics["data.totalSpent.amount"] as? Int,
            statistics["data.moneyByCurrency"] as? [[String: Any]] ?? []
        )
    }

    @Test(
        "a delivery paid and dropped: the customer spent what the card paid, the traveler earned the price less commission"
    )
    func deliveredTotals() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            try await t.scan("pickup", of: booking)
            try await t.scan("delivery", of: booking)
            let customer = try await totals(t, booking.customer)
            #expect(customer.spent == Int(Self.charged))
            #expect(customer.earned == 0)
            #expect(customer.rows.count == 1)
            #expect(customer.rows.first?["currency"] as? String == "EUR")
            #expect(customer.rows.first?["totalSpent"] as? Int == Int(Self.charged))
            let traveler = try await totals(t, booking.traveler)
            #expect(traveler.earned == Int(Self.earnings))
            #expect(traveler.spent == 0)
            #expect(traveler.rows.first?["totalEarnings"] as? Int == Int(Self.earnings))

            let publicView = try await t.request(
                .GET, "/api/v1/users/\(booking.traveler.id)/statistics", token: booking.customer.accessToken)
            #expect(publicView.data["totalEarnings"] == nil)
            #expect(publicView.data["moneyByCurrency"] == nil)
        }
    }

    @Test("a late cancellation: the refund comes off what the customer spent, the traveler's half is earned")
    func cancellationTotals() async throws {
        try await withTestApp { t in
            var booking = try await t.bookDelivery()
            t.clock.advance(by: 20 * 3600)
            booking.customer = try await t.logIn(booking.customer)
            booking.traveler = try await t.logIn(booking.traveler)
            let cancelled = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/cancel", json: ["reason": "Plans changed"],
                token: booking.customer.accessToken)
            #expect(cancelled.status == .ok, "\(cancelled.text)")
            #expect(try await totals(t, booking.customer).spent == Int(Self.charged - Self.price / 2))
            #expect(try await totals(t, booking.traveler).earned == Int(Self.price / 2))
        }
    }

    @Test("a dispute after the drop ending in a full refund takes the earnings back and the price off the spending")
    func disputeTotals() async throws {
        try await withTestApp { t in
            var booking = try await t.bookDelivery()
            var admin = try await t.superAdmin()
            try await t.scan("pickup", of: booking)
            try await t.scan("delivery", of: booking)
            let opened = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/disputes",
                json: [
                    "category": "wrong_item", "description": "Not what I sent", "requestedResolution": "full_refund",
                ],
                token: booking.customer.accessToken)
            let disputeId = try #require(opened.string("data.id"), "\(opened.text)")
            #expect(try await totals(t, booking.traveler).earned == Int(Self.earnings))
            t.clock.advance(by: 3600)
            admin = try await t.logIn(admin)
            booking.customer = try await t.logIn(booking.customer)
            booking.traveler = try await t.logIn(booking.traveler)
            let resolved = try await t.request(
                .PUT, "/api/v1/admin/disputes/\(disputeId)/resolve",
                json: ["resolution": "full_refund", "notes": "Wrong item delivered"], token: admin.accessToken)
            #expect(resolved.status == .ok, "\(resolved.text)")
            #expect(try await totals(t, booking.traveler).earned == 0)
            #expect(try await totals(t, booking.customer).spent == Int(Self.charged - Self.price))
        }
    }
}
