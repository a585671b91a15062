import Fluent
import Foundation
import Payments
import TestSupport
import Testing

/// Accepting an offer charges the customer through the sandbox provider, on SQLite and PostgreSQL: a success
/// books and holds escrow, a decline and an abandoned authentication leave nothing behind, a confirmed
/// authentication books exactly like an immediate success.
@Suite("Paying for an offer")
struct PaymentJourneyTests {
    /// 4500 offered; 15 % commission; 2.9 % + 30 processing on what the card pays.
    static let price: Int64 = 4500
    static let commission: Int64 = 675
    static let processingFee: Int64 = 161

    /// A trip, a request and an offer waiting for the customer.
    private func pendingOffer(_ t: TestApp) async throws -> (Booking, String) {
        let traveler = try await t.signUp(userType: "traveler")
        let customer = try await t.signUp(userType: "customer")
        let tripId = try await t.createTrip(for: traveler)
        let requestId = try await t.createRequest(for: customer)
        let offerId = try await t.createOffer(by: traveler, on: requestId, tripId: tripId)
        return (
            Booking(
                traveler: traveler, customer: customer, tripId: tripId, requestId: requestId, offerId: offerId,
                deliveryId: ""), offerId
        )
    }

    /// Nothing was booked and no money moved: the offer pending, the request open, no delivery, no transfer.
    private func expectNothingBooked(_ t: TestApp, _ booking: Booking) async throws {
        let offer = try await t.request(.GET, "/api/v1/offers/\(booking.offerId)", token: booking.customer.accessToken)
        #expect(offer.string("data.status") == "pending")
        let request = try await t.request(
            .GET, "/api/v1/delivery-requests/\(booking.requestId)", token: booking.customer.accessToken)
        #expect(request.string("data.status") == "pending")
        let deliveries = try await t.request(.GET, "/api/v1/deliveries", token: booking.customer.accessToken)
        #expect(deliveries.list.isEmpty)
        #expect(try await LedgerTransfer.query(on: t.app.db).count() == 0)
        #expect(try await EscrowAccount.query(on: t.app.db).count() == 0)
        let trip = try await t.request(.GET, "/api/v1/trips/\(booking.tripId)", token: booking.traveler.accessToken)
        #expect(trip["data.reservedCapacity.items"] as? Int == 0)
    }

    @Test("pm_card_visa: the delivery is booked, the payment itemised, escrow holds the price, two codes issued")
    func success() async throws {
        try await withTestApp { t in
            let (booking, offerId) = try await pendingOffer(t)
            let accepted = try await t.accept(offerId, by: booking.customer)
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect(accepted.string("data.delivery.status") == "accepted")
            #expect(accepted.string("data.paymentIntent.status") == "succeeded")
            #expect(accepted["data.paymentIntent.amount.amount"] as? Int == Int(Self.price + Self.processingFee))
            #expect(accepted["data.paymentIntent.fees.platformFee.amount"] as? Int == Int(Self.commission))
            #expect(accepted["data.paymentIntent.fees.processingFee.amount"] as? Int == Int(Self.processingFee))
            #expect(accepted["data.paymentIntent.fees.travelerPrice.amount"] as? Int == Int(Self.price))
            let codes = try #require(accepted["data.qrCodes"] as? [[String: Any]])
            #expect(Set(codes.compactMap { $0["type"] as? String }) == ["pickup", "delivery"])
            #expect(codes.allSatisfy { ($0["qrData"] as? String)?.hasPrefix("P2PQR1.") == true })
            #expect(codes.allSatisfy { $0["backupCode"] is String })

            let deliveryId = try #require(accepted.string("data.delivery.deliveryId"))
            let escrow = try #require(
                try await EscrowAccount.query(on: t.app.db).filter(\.$deliveryId == UUID(uuidString: deliveryId)!)
                    .first())
            #expect(escrow.status == .held)
            #expect(escrow.amount == Self.price)
            let ledger = Ledger(context: t.app.callContext())
            #expect(try await ledger.balance(of: escrow.ledgerAccount) == Self.price)
            #expect(
                try await ledger.balance(of: LedgerAccountRef(.processingFees, currency: "EUR")) == Self.processingFee)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])

            let history = try await t.request(.GET, "/api/v1/payments/history", token: booking.customer.accessToken)
            #expect(history.list.count == 1)
            #expect(history.list.first?["deliveryId"] as? String == deliveryId)
        }
    }

    @Test(
        "a declined card answers 402 naming the reason; nothing is booked and no money moves",
        arguments: [
            ("pm_card_chargeDeclined", "CARD_DECLINED", "generic_decline"),
            ("pm_card_chargeDeclinedInsufficientFunds", "INSUFFICIENT_FUNDS", "insufficient_funds"),
            ("pm_card_chargeDeclinedExpiredCard", "EXPIRED_CARD", "expired_card"),
        ])
    func declined(method: String, code: String, declineCode: String) async throws {
        try await withTestApp { t in
            let (booking, offerId) = try await pendingOffer(t)
            let refused = try await t.accept(offerId, by: booking.customer, paymentMethod: method)
            #expect(refused.status == .paymentRequired, "\(refused.text)")
            #expect(refused.code == code)
            try await expectNothingBooked(t, booking)
            let history = try await t.request(.GET, "/api/v1/payments/history", token: booking.customer.accessToken)
            #expect(history.list.first?["status"] as? String == "failed")
            #expect(history.list.first?["declineCode"] as? String == declineCode)
            // The same customer may try again with another card.
            let retried = try await t.accept(offerId, by: booking.customer)
            #expect(retried.status == .ok, "\(retried.text)")
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("an unknown payment method is 422 and a missing one is 422; nothing is charged")
    func badPaymentMethod() async throws {
        try await withTestApp { t in
            let (booking, offerId) = try await pendingOffer(t)
            let unknown = try await t.accept(offerId, by: booking.customer, paymentMethod: "pm_card_nonsense")
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.code == "INVALID_PAYMENT_METHOD")
            let missing = try await t.request(
                .POST, "/api/v1/offers/\(offerId)/accept", json: [:], token: booking.customer.accessToken)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errors.contains("paymentMethod is required"))
            try await expectNothingBooked(t, booking)
        }
    }

    @Test("a card that needs authentication answers 202 requires_action; confirming books like a success")
    func authenticationConfirmed() async throws {
        try await withTestApp { t in
            let (booking, offerId) = try await pendingOffer(t)
            let pending = try await t.accept(
                offerId, by: booking.customer, paymentMethod: "pm_card_authenticationRequired")
            #expect(pending.status == .accepted, "\(pending.text)")
            #expect(pending.string("data.paymentIntent.status") == "requires_action")
            #expect(pending["data.delivery"] == nil || pending["data.delivery"] is NSNull)
            let confirmPath = try #require(pending.string("data.paymentIntent.nextAction.confirmPath"))
            try await expectNothingBooked(t, booking)
            let again = try await t.accept(offerId, by: booking.customer)
            #expect(again.status == .conflict)
            #expect(again.code == "PAYMENT_IN_PROGRESS")

            t.clock.advance(by: 14 * 60)
            let stranger = try await t.signUp(userType: "customer")
            let foreign = try await t.request(.POST, confirmPath, token: stranger.accessToken)
            #expect(foreign.status == .notFound)
            let confirmed = try await t.request(.POST, confirmPath, token: booking.customer.accessToken)
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            #expect(confirmed.string("data.status") == "succeeded")
            let deliveryId = try #require(confirmed.string("data.deliveryId"))
            let delivery = try await t.request(
                .GET, "/api/v1/deliveries/\(deliveryId)", token: booking.customer.accessToken)
            #expect(delivery.string("data.status") == "accepted")
            #expect(try await EscrowAccount.query(on: t.app.db).first()?.amount == Self.price)
            let twice = try await t.request(.POST, confirmPath, token: booking.customer.accessToken)
            #expect(twice.status == .ok)
            #expect(try await EscrowAccount.query(on: t.app.db).count() == 1)
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }

    @Test("an authentication abandoned for 15 minutes is cancelled by itself; nothing is booked or held")
    func authenticationAbandoned() async throws {
        try await withTestApp { t in
            var (booking, offerId) = try await pendingOffer(t)
            let pending = try await t.accept(
                offerId, by: booking.customer, paymentMethod: "pm_card_authenticationRequired")
            let intentId = try #require(pending.string("data.paymentIntent.id"))
            t.clock.advance(by: 15 * 60 + 1)
            try await t.runJobs()
            // Access tokens live 15 minutes too.
            booking.customer = try await t.logIn(booking.customer)
            booking.traveler = try await t.logIn(booking.traveler)
            let intent = try await t.request(
                .GET, "/api/v1/payments/intents/\(intentId)", token: booking.customer.accessToken)
            #expect(intent.string("data.status") == "canceled")
            let late = try await t.request(
                .POST, "/api/v1/payments/intents/\(intentId)/confirm", token: booking.customer.accessToken)
            #expect(late.status == .conflict)
            try await expectNothingBooked(t, booking)
        }
    }

    @Test("a customer cancels a payment waiting for authentication; a paid one cannot be cancelled")
    func cancelWaiting() async throws {
        try await withTestApp { t in
            let (booking, offerId) = try await pendingOffer(t)
            let pending = try await t.accept(
                offerId, by: booking.customer, paymentMethod: "pm_card_authenticationRequired")
            let intentId = try #require(pending.string("data.paymentIntent.id"))
            let cancelled = try await t.request(
                .POST, "/api/v1/payments/intents/\(intentId)/cancel", token: booking.customer.accessToken)
            #expect(cancelled.string("data.status") == "canceled")
            try await expectNothingBooked(t, booking)
            let paid = try await t.accept(offerId, by: booking.customer)
            let paidId = try #require(paid.string("data.paymentIntent.id"))
            let refused = try await t.request(
                .POST, "/api/v1/payments/intents/\(paidId)/cancel", token: booking.customer.accessToken)
            #expect(refused.status == .conflict)
        }
    }

    @Test("a payment whose offer was withdrawn while the card was authenticated is refunded, nothing booked")
    func bookingLostMeanwhile() async throws {
        try await withTestApp { t in
            let (booking, offerId) = try await pendingOffer(t)
            let pending = try await t.accept(
                offerId, by: booking.customer, paymentMethod: "pm_card_authenticationRequired")
            let intentId = try #require(pending.string("data.paymentIntent.id"))
            let withdrawn = try await t.request(
                .DELETE, "/api/v1/offers/\(offerId)", token: booking.traveler.accessToken)
            #expect(withdrawn.status == .ok, "\(withdrawn.text)")
            let confirmed = try await t.request(
                .POST, "/api/v1/payments/intents/\(intentId)/confirm", token: booking.customer.accessToken)
            #expect(confirmed.status == .conflict, "\(confirmed.text)")
            let intent = try await t.request(
                .GET, "/api/v1/payments/intents/\(intentId)", token: booking.customer.accessToken)
            #expect(intent.string("data.status") == "refunded")
            #expect(try await LedgerTransfer.query(on: t.app.db).count() == 0)
            #expect(try await EscrowAccount.query(on: t.app.db).count() == 0)
        }
    }

    @Test("POST /payments/intents pays for an offer exactly as accepting it does")
    func paymentIntentRoute() async throws {
        try await withTestApp { t in
            let (booking, offerId) = try await pendingOffer(t)
            let missing = try await t.request(
                .POST, "/api/v1/payments/intents", json: ["paymentMethod": "pm_card_visa"],
                token: booking.customer.accessToken)
            #expect(missing.status == .unprocessableEntity)
            let unknown = try await t.request(
                .POST, "/api/v1/payments/intents",
                json: ["offerId": UUID().uuidString, "paymentMethod": "pm_card_visa"],
                token: booking.customer.accessToken)
            #expect(unknown.status == .notFound)
            let paid = try await t.request(
                .POST, "/api/v1/payments/intents", json: ["offerId": offerId, "paymentMethod": "pm_card_visa"],
                token: booking.customer.accessToken)
            #expect(paid.status == .ok, "\(paid.text)")
            #expect(paid.string("data.paymentIntent.status") == "succeeded")
            #expect(paid.string("data.delivery.status") == "accepted")
        }
    }
}
