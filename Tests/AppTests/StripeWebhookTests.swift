import Fluent
import Foundation
import Payments
import Platform
import TestSupport
import Testing

/// `POST /payments/webhooks/stripe` on the sandbox's intents: verified by signature, each event once, applied
/// to payments, disputes, payouts and payout accounts.
@Suite("Stripe webhooks")
struct StripeWebhookTests {
    static let secret = "whsec_test_secret"

    private func configure(_ t: TestApp) {
        t.app.paymentsSettings = PaymentsSettings(stripeWebhookSecret: Self.secret)
    }

    private func event(_ id: String, _ type: String, _ object: [String: Any], account: String? = nil) throws -> Data {
        var body: [String: Any] = [
            "id": id, "object": "event", "type": type, "created": 1_700_000_000, "livemode": false,
            "data": ["object": object],
        ]
        if let account { body["account"] = account }
        return try JSONSerialization.data(withJSONObject: body)
    }

    private func deliver(
        _ t: TestApp, _ payload: Data, signedAt: Date? = nil, secret: String = Self.secret
    )
        async throws -> APIResponse
    {
        let header = StripeWebhookSignature.sign(payload: payload, secret: secret, timestamp: signedAt ?? t.clock.now())
        return try await t.request(
            .POST, "/api/v1/payments/webhooks/stripe", body: payload, contentType: "application/json",
            headers: ["Stripe-Signature": header])
    }

    /// A customer's payment waiting for 3-D Secure, and the sandbox's id of it.
    private func waitingPayment(_ t: TestApp) async throws -> (Booking, String) {
        let traveler = try await t.signUp(userType: "traveler")
        let customer = try await t.signUp(userType: "customer")
        let tripId = try await t.createTrip(for: traveler)
        let requestId = try await t.createRequest(for: customer)
        let offerId = try await t.createOffer(by: traveler, on: requestId, tripId: tripId)
        let pending = try await t.accept(offerId, by: customer, paymentMethod: "pm_card_authenticationRequired")
        let providerId = try #require(pending.string("data.paymentIntent.providerIntentId"))
        return (
            Booking(
                traveler: traveler, customer: customer, tripId: tripId, requestId: requestId, offerId: offerId,
                deliveryId: ""), providerId
        )
    }

    @Test("an authentication completed in the browser books through payment_intent.succeeded, once")
    func succeeded() async throws {
        try await withTestApp { t in
            configure(t)
            let (booking, providerId) = try await waitingPayment(t)
            _ = try await t.app.paymentProvider.confirm(intent: providerId, idempotencyKey: "browser")
            let payload = try event(
                "evt_1", "payment_intent.succeeded",
                [
                    "id": providerId, "object": "payment_intent", "status": "succeeded", "amount": 4661,
                    "currency": "eur",
                ])
            let first = try await deliver(t, payload)
            #expect(first.status == .ok, "\(first.text)")
            #expect(first.string("data.outcome") == "processed")
            let again = try await deliver(t, payload)
            #expect(again.string("data.outcome") == "duplicate")
            let deliveries = try await t.request(.GET, "/api/v1/deliveries", token: booking.customer.accessToken)
            #expect(deliveries.list.count == 1)
            #expect(try await EscrowAccount.query(on: t.app.db).count() == 1)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("a missing, wrong or stale signature is 400 and changes nothing; without a secret the route is 404")
    func signatures() async throws {
        try await withTestApp { t in
            let payload = try event("evt_2", "account.updated", ["id": "acct_x", "payouts_enabled": true])
            #expect(try await deliver(t, payload).status == .notFound)
            configure(t)
            let wrong = try await deliver(t, payload, secret: "whsec_other")
            #expect(wrong.status == .badRequest)
            #expect(wrong.code == "INVALID_SIGNATURE")
            let stale = try await deliver(t, payload, signedAt: t.clock.now().addingTimeInterval(-301))
            #expect(stale.code == "INVALID_SIGNATURE")
            let unsigned = try await t.request(
                .POST, "/api/v1/payments/webhooks/stripe", body: payload, contentType: "application/json")
            #expect(unsigned.code == "INVALID_SIGNATURE")
            #expect(try await deliver(t, payload).string("data.outcome") == "processed")
        }
    }

    @Test("payment_intent.payment_failed fails the waiting attempt; nothing is booked")
    func failed() async throws {
        try await withTestApp { t in
            configure(t)
            let (booking, providerId) = try await waitingPayment(t)
            let payload = try event(
                "evt_3", "payment_intent.payment_failed",
                [
                    "id": providerId, "object": "payment_intent", "status": "requires_payment_method", "amount": 4661,
                    "currency": "eur",
                    "last_payment_error": [
                        "type": "card_error", "code": "card_declined", "decline_code": "authentication_required",
                        "message": "The card was declined as it requires authentication.",
                    ],
                ])
            #expect(try await deliver(t, payload).status == .ok)
            let history = try await t.request(.GET, "/api/v1/payments/history", token: booking.customer.accessToken)
            #expect(history.list.first?["status"] as? String == "failed")
            #expect(history.list.first?["declineCode"] as? String == "authentication_required")
            #expect(try await EscrowAccount.query(on: t.app.db).count() == 0)
        }
    }

    @Test("charge.dispute.created opens a chargeback dispute that freezes the escrow")
    func chargeback() async throws {
        try await withTestApp { t in
            configure(t)
            let booking = try await t.bookDelivery()
            try await t.scan("pickup", of: booking)
            let intent = try #require(try await PaymentIntent.query(on: t.app.db).first())
            let payload = try event(
                "evt_4", "charge.dispute.created",
                [
                    "id": "dp_1", "object": "dispute", "charge": "ch_1",
                    "payment_intent": intent.providerIntentId ?? "",
                    "amount": 4661, "reason": "fraudulent",
                ])
            #expect(try await deliver(t, payload).status == .ok)
            let disputes = try await t.request(
                .GET, "/api/v1/deliveries/\(booking.deliveryId)/disputes", token: booking.customer.accessToken)
            #expect(disputes.list.first?["source"] as? String == "chargeback")
            #expect(disputes.list.first?["category"] as? String == "chargeback")
            #expect(try await EscrowAccount.query(on: t.app.db).first()?.status == .frozen)
        }
    }

    @Test(
        "a chargeback before pickup holds the money; the handoffs go on, and the drop releases nothing until the ruling"
    )
    func chargebackBeforePickup() async throws {
        try await withTestApp { t in
            configure(t)
            let booking = try await t.bookDelivery()
            let intent = try #require(try await PaymentIntent.query(on: t.app.db).first())
            let payload = try event(
                "evt_cb", "charge.dispute.created",
                [
                    "id": "dp_2", "object": "dispute", "charge": "ch_2",
                    "payment_intent": intent.providerIntentId ?? "", "amount": intent.amount, "reason": "fraudulent",
                ])
            #expect(try await deliver(t, payload).status == .ok)
            #expect(try await EscrowAccount.query(on: t.app.db).first()?.status == .frozen)
            try await t.scan("pickup", of: booking)
            try await t.scan("delivery", of: booking)
            let delivery = try await t.request(
                .GET, "/api/v1/deliveries/\(booking.deliveryId)", token: booking.customer.accessToken)
            #expect(delivery.string("data.status") == "delivered")
            #expect(try await EscrowAccount.query(on: t.app.db).first()?.status == .frozen)
            let pending = try await Ledger(context: t.app.callContext()).balance(
                of: LedgerAccountRef(.travelerPending, owner: UUID(uuidString: booking.traveler.id), currency: "EUR"))
            #expect(pending == 0)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("charge.refunded: what the platform refunded itself changes nothing; more, refunded at Stripe, is audited")
    func refundedCharge() async throws {
        try await withTestApp { t in
            configure(t)
            let booking = try await t.bookDelivery()
            let intent = try #require(try await PaymentIntent.query(on: t.app.db).first())
            let cancelled = try await t.request(
                .POST, "/api/v1/deliveries/\(booking.deliveryId)/cancel", json: ["reason": "Plans changed"],
                token: booking.customer.accessToken)
            #expect(cancelled.status == .ok, "\(cancelled.text)")
            let refunded = try #require(try await Refund.query(on: t.app.db).first()).amount
            func charge(_ id: String, refunded amountRefunded: Int64) throws -> Data {
                try event(
                    id, "charge.refunded",
                    [
                        "id": "ch_1", "object": "charge", "payment_intent": intent.providerIntentId ?? "",
                        "amount": intent.amount, "amount_refunded": amountRefunded,
                    ])
            }
            let entriesBefore = try await LedgerEntry.query(on: t.app.db).count()
            func audited() async throws -> [AuditLogEntry] {
                try await AuditLogEntry.query(on: t.app.db).filter(\.$action == "refund_outside_platform").all()
            }

            let ours = try await deliver(t, try charge("evt_r1", refunded: refunded))
            #expect(ours.string("data.outcome") == "processed")
            #expect(try await audited().isEmpty)

            let outside = try await deliver(t, try charge("evt_r2", refunded: intent.amount))
            #expect(outside.string("data.outcome") == "processed")
            let entry = try #require(try await audited().first)
            #expect(entry.entityId == intent.id?.uuidString)
            #expect(entry.userId == intent.customerId)
            #expect(entry.metadata["refundedAtProvider"] == String(intent.amount))
            #expect(entry.metadata["refundedByPlatform"] == String(refunded))
            #expect(try await LedgerEntry.query(on: t.app.db).count() == entriesBefore)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("account.updated and payout.failed keep payout accounts and payouts in step")
    func payouts() async throws {
        try await withTestApp { t in
            configure(t)
            let traveler = try await t.signUp(userType: "traveler")
            let opened = try await t.request(
                .POST, "/api/v1/payments/payout-accounts", json: ["country": "FR", "currency": "EUR"],
                token: traveler.accessToken)
            let accountId = try #require(opened.string("data.providerAccountId"))
            let restricted = try event(
                "evt_5", "account.updated",
                [
                    "id": accountId, "object": "account", "payouts_enabled": false,
                    "requirements": ["currently_due": ["external_account"]],
                ])
            #expect(try await deliver(t, restricted).status == .ok)
            let account = try #require(try await PayoutAccount.query(on: t.app.db).first())
            #expect(account.status == .pending)
            #expect(account.requirements == ["external_account"])

            // A payout the provider accepted, then reported failed: the money comes back to available.
            let userId = try #require(UUID(uuidString: traveler.id))
            try await Ledger(context: t.app.callContext()).post(
                .move(
                    5000, from: LedgerAccountRef(.customerFunding, owner: UUID(), currency: "EUR"),
                    to: LedgerAccountRef(.travelerAvailable, owner: userId, currency: "EUR"), key: "seed",
                    cause: TransferCause("test", referenceType: "test", referenceId: UUID())))
            account.status = .active
            try await account.save(on: t.app.db)
            let payout = try await Payouts(context: t.app.callContext()).request(
                for: userId, currency: "EUR", amount: nil, type: .standard)
            let failed = try event(
                "evt_6", "payout.failed",
                [
                    "id": payout.providerPayoutId ?? "", "object": "payout", "amount": 5000,
                    "failure_code": "account_closed", "failure_message": "The bank account has been closed",
                ], account: accountId)
            #expect(try await deliver(t, failed).status == .ok)
            let balance = try await Ledger(context: t.app.callContext()).balance(
                of: LedgerAccountRef(.travelerAvailable, owner: userId, currency: "EUR"))
            #expect(balance == 5000)
            #expect(try await Payout.find(payout.id, on: t.app.db)?.status == .failed)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }
}
