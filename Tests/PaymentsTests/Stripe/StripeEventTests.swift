import Foundation
import Testing

@testable import Payments

@Suite("Stripe webhook events")
struct StripeEventTests {
    @Test("payment_intent.succeeded gives the intent, its amount and the platform's reference")
    func paymentIntentSucceeded() throws {
        let event = try StripeEvent.decode(Data(StripeEventBodies.paymentIntentSucceeded.utf8))

        #expect(event.id == "evt_3MtwBwLkdIwHu7ix28a3tqPa")
        #expect(event.type == "payment_intent.succeeded")
        #expect(event.created == Date(timeIntervalSince1970: 1_680_064_028))
        #expect(!event.livemode)
        #expect(event.account == nil)
        let expected = try #require(UUID(uuidString: "6f1c2a4e-8d3b-4f5a-9c7e-1b2d3e4f5a6b"))
        guard case .paymentIntent(let intent) = event.object else {
            Issue.record("not a payment intent: \(event.object)")
            return
        }
        #expect(intent.id == "pi_3MtwBwLkdIwHu7ix28a3tqPa")
        #expect(intent.status == .succeeded)
        #expect(intent.amount == 2_000)
        #expect(intent.currency == "EUR")
        #expect(intent.reference == expected)
        #expect(intent.lastPaymentError == nil)
    }

    @Test("payment_intent.payment_failed says why the card was declined")
    func paymentIntentFailed() throws {
        let event = try StripeEvent.decode(Data(StripeEventBodies.paymentIntentPaymentFailed.utf8))

        guard case .paymentIntent(let intent) = event.object else {
            Issue.record("not a payment intent: \(event.object)")
            return
        }
        #expect(intent.status == .requiresPaymentMethod)
        #expect(intent.amount == 4_500)
        #expect(
            intent.lastPaymentError
                == .init(
                    code: "card_declined", declineCode: "insufficient_funds",
                    message: "Your card has insufficient funds."))
    }

    @Test("charge.refunded gives the payment intent and how much has been refunded in all")
    func chargeRefunded() throws {
        let event = try StripeEvent.decode(Data(StripeEventBodies.chargeRefunded.utf8))

        #expect(
            event.object
                == .refundedCharge(
                    .init(
                        id: "ch_3MmlLrLkdIwHu7ix0snN0B15", paymentIntent: "pi_3MmlLrLkdIwHu7ix0uke3Ezy", amount: 4_500,
                        amountRefunded: 1_500)))
    }

    @Test("charge.dispute.created gives the dispute, the disputed payment, the amount and the reason")
    func disputeCreated() throws {
        let event = try StripeEvent.decode(Data(StripeEventBodies.disputeCreated.utf8))

        #expect(
            event.object
                == .dispute(
                    .init(
                        id: "dp_1MtJUT2eZvKYlo2CNaw2HvEv", charge: "ch_1AZtxr2eZvKYlo2CJDX8whov",
                        paymentIntent: "pi_1AZtxr2eZvKYlo2CJDX8whov", amount: 1_000, reason: "product_not_received")))
    }

    @Test("payout.paid names the traveler's connected account the payout was made on")
    func payoutPaid() throws {
        let event = try StripeEvent.decode(Data(StripeEventBodies.payoutPaid.utf8))

        #expect(event.type == "payout.paid")
        #expect(event.account == "acct_1Nv0FGQ9RKHgCVdK")
        #expect(
            event.object
                == .payout(
                    .init(id: "po_1OaFDbEcg9tTZuTgNYmX0PKB", amount: 8_500, failureCode: nil, failureMessage: nil)))
    }

    @Test("payout.failed says why the bank returned the payout")
    func payoutFailed() throws {
        let event = try StripeEvent.decode(Data(StripeEventBodies.payoutFailed.utf8))

        #expect(event.type == "payout.failed")
        #expect(event.account == "acct_1Nv0FGQ9RKHgCVdK")
        #expect(
            event.object
                == .payout(
                    .init(
                        id: "po_1OaFKwEcg9tTZuTgFail0002", amount: 8_500, failureCode: "account_closed",
                        failureMessage: "The bank account has been closed.")))
    }

    @Test("account.updated says whether the traveler can be paid out and what they still have to provide")
    func accountUpdated() throws {
        let event = try StripeEvent.decode(Data(StripeEventBodies.accountUpdated.utf8))

        guard case .account(let account) = event.object else {
            Issue.record("not an account: \(event.object)")
            return
        }
        #expect(account.id == "acct_1Nv0FGQ9RKHgCVdK")
        #expect(!account.payoutsEnabled)
        #expect(account.requirements == ["external_account", "individual.verification.document"])
    }

    @Test("an event type the platform does not act on decodes, keeping its id and type")
    func unknownType() throws {
        let event = try StripeEvent.decode(Data(StripeEventBodies.customerCreated.utf8))

        #expect(event.id == "evt_1NG8Du2eZvKYlo2CCus00004")
        #expect(event.type == "customer.created")
        #expect(event.object == .other)
    }

    @Test("a payment intent event without the amount fails, naming the field")
    func missingField() {
        let body = StripeEventBodies.paymentIntentSucceeded.replacingOccurrences(of: "\"amount\": 2000,", with: "")

        #expect {
            try StripeEvent.decode(Data(body.utf8))
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "amount"
        }
    }
}
