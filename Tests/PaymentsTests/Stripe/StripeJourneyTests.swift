import Fluent
import Foundation
import Payments
import TestSupport
import Testing
import Vapor

/// The payment scenarios of the sandbox, over HTTP, with the Stripe provider against localstripe: a card that
/// pays and the money that follows it to the traveler, a declined card, a 3-D Secure authentication, and a
/// cancellation refunded to the card.
@Suite("Paying through Stripe (localstripe)", .localStripe)
struct StripeJourneyTests {
    private func withStripe(_ body: @Sendable (TestApp, LocalStripeCustomer) async throws -> Void) async throws {
        let server = try #require(LocalStripe.current, "the suite's .localStripe trait starts it")
        try await withTestApp { t in
            t.app.paymentProvider = StripePaymentProvider(
                secretKey: LocalStripe.secretKey, apiBase: server.baseURL, client: t.app.client,
                onboardingRefreshURL: "http://localhost:8080/payouts/onboarding?refresh=1",
                onboardingReturnURL: "http://localhost:8080/payouts/onboarding")
            try await body(t, LocalStripeCustomer(client: t.app.client, baseURL: server.baseURL))
        }
    }

    @Test("pm_card_visa: booked, scanned, released; the traveler's pending balance is price − commission")
    func success() async throws {
        try await withStripe { t, _ in
            let booking = try await t.bookDelivery()
            let intent = try #require(try await PaymentIntent.query(on: t.app.db).first())
            #expect(intent.provider == "stripe")
            #expect(intent.providerIntentId?.hasPrefix("pi_") == true)
            try await t.scan("pickup", of: booking)
            try await t.scan("delivery", of: booking)
            let balance = try await t.request(.GET, "/api/v1/payments/balance", token: booking.traveler.accessToken)
            #expect(balance.list.first?["pending"] as? Int == 3825)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("a declined card is 402 and books nothing")
    func declined() async throws {
        try await withStripe { t, _ in
            let traveler = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let tripId = try await t.createTrip(for: traveler)
            let requestId = try await t.createRequest(for: customer)
            let offerId = try await t.createOffer(by: traveler, on: requestId, tripId: tripId)
            let refused = try await t.accept(offerId, by: customer, paymentMethod: "pm_card_chargeCustomerFail")
            #expect(refused.status == .paymentRequired, "\(refused.text)")
            #expect(refused.code == "CARD_DECLINED")
            #expect(try await EscrowAccount.query(on: t.app.db).count() == 0)
            #expect(try await LedgerTransfer.query(on: t.app.db).count() == 0)
            let offer = try await t.request(.GET, "/api/v1/offers/\(offerId)", token: customer.accessToken)
            #expect(offer.string("data.status") == "pending")
        }
    }

    @Test("3-D Secure: 202 requires_action; after the customer's authentication, confirming books")
    func authentication() async throws {
        try await withStripe { t, stripe in
            let traveler = try await t.signUp(userType: "traveler")
            let customer = try await t.signUp(userType: "customer")
            let tripId = try await t.createTrip(for: traveler)
            let requestId = try await t.createRequest(for: customer)
            let offerId = try await t.createOffer(by: traveler, on: requestId, tripId: tripId)
            let card = try await stripe.card(number: "4000002760003184")
            let pending = try await t.accept(offerId, by: customer, paymentMethod: card)
            #expect(pending.status == .accepted, "\(pending.text)")
            let confirmPath = try #require(pending.string("data.paymentIntent.nextAction.confirmPath"))
            let secret = try #require(pending.string("data.paymentIntent.nextAction.clientSecret"))
            let providerId = try #require(pending.string("data.paymentIntent.providerIntentId"))
            let early = try await t.request(.POST, confirmPath, token: customer.accessToken)
            #expect(early.string("data.status") == "requires_action", "not authenticated yet: \(early.text)")
            try await stripe.authenticate(intent: providerId, clientSecret: secret, passes: true)
            let confirmed = try await t.request(.POST, confirmPath, token: customer.accessToken)
            #expect(confirmed.string("data.status") == "succeeded", "\(confirmed.text)")
            #expect(try await EscrowAccount.query(on: t.app.db).count() == 1)
        }
    }

    @Test("a traveler's cancellation refunds the card through Stripe")
    func refund() async throws {
        try await withStripe { t, _ in
            let booking = try await t.bookDelivery()
            let cancelled = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/cancel", json: ["reason": "Flight cancelled"],
                token: booking.traveler.accessToken)
            #expect(cancelled.status == .ok)
            try await t.runJobs()
            let refund = try #require(try await Refund.query(on: t.app.db).first())
            #expect(refund.status == .succeeded, "\(refund.failureReason ?? "")")
            #expect(refund.providerRefundId?.hasPrefix("re_") == true)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }
}
