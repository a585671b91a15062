import Foundation
import Payments
import Testing

@Suite("Stripe payment intents on the wire")
struct StripePaymentIntentWireTests {
    let intentPath = "/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa"

    @Test("a charge is one form-encoded POST /v1/payment_intents, confirmed at once, under the caller's key")
    func chargeRequest() async throws {
        let answers = [
            "POST /v1/payment_intents": FakeStripeAPI.Answer(body: StripeAnswers.paymentIntent(status: "succeeded"))
        ]
        try await FakeStripeAPI.serving(answers) { stripe, provider in
            // act
            let intent = try await provider.charge(.stripeMock(idempotencyKey: "intent:42:create"))

            // assert
            let request = try #require(stripe.onlyRequest)
            #expect(request.method == .POST)
            #expect(request.path == "/v1/payment_intents")
            #expect(request.headers.first(name: "Authorization") == "Bearer \(FakeStripeAPI.secretKey)")
            #expect(request.headers.contentType == .urlEncodedForm)
            #expect(request.idempotencyKey == "intent:42:create")
            #expect(
                request.form == [
                    "amount": "2500", "currency": "eur", "payment_method": "pm_card_visa", "confirm": "true",
                    "payment_method_types[]": "card", "metadata[reference]": StripeAnswers.reference.uuidString,
                    "metadata[description]": "Delivery Lyon to Paris",
                ])
            #expect(
                intent
                    == ProviderIntent(
                        id: "pi_3MtwBwLkdIwHu7ix28a3tqPa", status: .succeeded, amount: 2_500, currency: "EUR",
                        clientSecret: "pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH"))
        }
    }

    @Test("a description with spaces, an ampersand and accents arrives intact, percent-encoded")
    func encoding() async throws {
        let answers = [
            "POST /v1/payment_intents": FakeStripeAPI.Answer(body: StripeAnswers.paymentIntent(status: "succeeded"))
        ]
        try await FakeStripeAPI.serving(answers) { stripe, provider in
            _ = try await provider.charge(.stripeMock(description: "Vélo & casque = 2 colis"))

            let request = try #require(stripe.onlyRequest)
            #expect(request.body.contains("metadata[description]=V%C3%A9lo%20%26%20casque%20%3D%202%20colis"))
            #expect(request.body.contains("payment_method_types[]=card"))
            #expect(request.form["metadata[description]"] == "Vélo & casque = 2 colis")
        }
    }

    @Test("a card with insufficient funds is a declined intent with Stripe's reasons, not an error")
    func insufficientFunds() async throws {
        let answers = [
            "POST /v1/payment_intents": FakeStripeAPI.Answer(status: .paymentRequired, body: StripeAnswers.declined())
        ]
        try await FakeStripeAPI.serving(answers) { stripe, provider in
            let intent = try await provider.charge(
                .stripeMock(paymentMethod: "pm_card_chargeDeclinedInsufficientFunds"))

            #expect(intent.id == "pi_3MtwBwLkdIwHu7ixDecline1")
            #expect(intent.status == .requiresPaymentMethod)
            #expect(intent.amount == 2_500)
            #expect(
                intent.decline
                    == .init(
                        code: "card_declined", declineCode: "insufficient_funds",
                        message: "Your card has insufficient funds."))
            #expect(stripe.requests.count == 1, "the error carries the intent: nothing else to ask")
        }
    }

    @Test("a 3-D Secure card gives the page to send the customer to, and the return URL goes with the charge")
    func redirectToAuthenticate() async throws {
        let answers = [
            "POST /v1/payment_intents": FakeStripeAPI.Answer(
                body: StripeAnswers.paymentIntent(status: "requires_action", nextAction: StripeAnswers.redirectToURL))
        ]
        try await FakeStripeAPI.serving(answers, authenticationReturnURL: "https://p2p.example/payments/return") {
            stripe, provider in
            let intent = try await provider.charge(.stripeMock(paymentMethod: "pm_card_threeDSecure2Required"))

            #expect(intent.status == .requiresAction)
            #expect(
                intent.nextActionURL == "https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_1M2JTkLkdIwHu7ix")
            #expect(intent.clientSecret == "pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH")
            #expect(stripe.onlyRequest?.form["return_url"] == "https://p2p.example/payments/return")
        }
    }

    @Test("the same idempotency key twice is answered with the same intent: the key goes to Stripe unchanged")
    func idempotency() async throws {
        let answers = [
            "POST /v1/payment_intents": FakeStripeAPI.Answer(body: StripeAnswers.paymentIntent(status: "succeeded"))
        ]
        try await FakeStripeAPI.serving(answers) { stripe, provider in
            let charge = ProviderCharge.stripeMock(idempotencyKey: "intent:7:create")

            let first = try await provider.charge(charge)
            let second = try await provider.charge(charge)

            #expect(first == second)
            #expect(stripe.requests.map(\.idempotencyKey) == ["intent:7:create", "intent:7:create"])
        }
    }

    @Test("confirm, cancel and refund are POSTs to their own paths under the caller's keys")
    func confirmCancelRefund() async throws {
        let answers = [
            "POST \(intentPath)/confirm": FakeStripeAPI.Answer(body: StripeAnswers.paymentIntent(status: "succeeded")),
            "POST \(intentPath)/cancel": FakeStripeAPI.Answer(body: StripeAnswers.paymentIntent(status: "canceled")),
            "POST /v1/refunds": FakeStripeAPI.Answer(body: StripeAnswers.refund),
            "GET \(intentPath)": FakeStripeAPI.Answer(body: StripeAnswers.paymentIntent(status: "processing")),
        ]
        try await FakeStripeAPI.serving(answers) { stripe, provider in
            let id = "pi_3MtwBwLkdIwHu7ix28a3tqPa"

            #expect(try await provider.confirm(intent: id, idempotencyKey: "intent:1:confirm").status == .succeeded)
            #expect(try await provider.cancel(intent: id, idempotencyKey: "intent:1:cancel").status == .canceled)
            let refund = try await provider.refund(intent: id, amount: 1_000, idempotencyKey: "intent:1:refund:1")
            #expect(try await provider.retrieve(intent: id).status == .processing)

            #expect(refund == ProviderRefund(id: "re_1Nispe2eZvKYlo2Cd31jOCgZ", status: .succeeded, amount: 1_000))
            let requests = stripe.requests
            #expect(
                requests.map { "\($0.method) \($0.path)" } == [
                    "POST \(intentPath)/confirm", "POST \(intentPath)/cancel", "POST /v1/refunds", "GET \(intentPath)",
                ])
            #expect(
                requests.map(\.idempotencyKey) == ["intent:1:confirm", "intent:1:cancel", "intent:1:refund:1", nil])
            #expect(requests[0].form == [:])
            #expect(requests[2].form == ["payment_intent": id, "amount": "1000"])
        }
    }

    @Test("a card declined at confirmation is the intent awaiting another card, with the reasons")
    func declinedOnConfirm() async throws {
        let answers = [
            "POST \(intentPath)/confirm": FakeStripeAPI.Answer(
                status: .paymentRequired, body: StripeAnswers.declined(intent: "pi_3MtwBwLkdIwHu7ix28a3tqPa"))
        ]
        try await FakeStripeAPI.serving(answers) { _, provider in
            let intent = try await provider.confirm(intent: "pi_3MtwBwLkdIwHu7ix28a3tqPa", idempotencyKey: "k")

            #expect(intent.status == .requiresPaymentMethod)
            #expect(intent.decline?.declineCode == "insufficient_funds")
        }
    }
}
