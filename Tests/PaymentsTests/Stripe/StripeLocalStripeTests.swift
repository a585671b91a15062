import Foundation
import Payments
import TestSupport
import Testing
import Vapor

/// The provider against localstripe, a stateful fake of Stripe: a charge's outcome is decided by its payment
/// method the way Stripe's test mode decides it, and the intent lives on for `retrieve`, `cancel` and `refund`.
///
/// localstripe's cards: `pm_card_visa` succeeds; `pm_card_chargeCustomerFail` (4000 0000 0000 0341) is declined
/// with `card_declined` (localstripe gives no decline code: insufficient funds is tested against Stripe's documented
/// answer in `StripePaymentIntentWireTests`); 4000 0027 6000 3184 needs 3-D Secure, which a customer completes
/// through localstripe's `_authenticate` call, its stand-in for Stripe.js. It keeps no idempotency keys, so key
/// replay is tested against `FakeStripeAPI` too.
@Suite("Stripe payments against localstripe", .localStripe)
struct StripeLocalStripeTests {
    @Test("a card that can be charged succeeds at once, and reading the intent again says the same")
    func succeeds() async throws {
        try await withLocalStripe { provider, _ in
            let intent = try await provider.charge(.localStripe(paymentMethod: "pm_card_visa"))

            #expect(intent.id.hasPrefix("pi_"))
            #expect(intent.status == .succeeded)
            #expect(intent.amount == 2_500)
            #expect(intent.currency == "EUR")
            #expect(intent.decline == nil)
            #expect(intent.clientSecret?.hasPrefix(intent.id + "_secret_") == true)
            #expect(try await provider.retrieve(intent: intent.id) == intent)
        }
    }

    @Test("a declined card is an intent awaiting another payment method, with the decline, and stays so")
    func declined() async throws {
        try await withLocalStripe { provider, _ in
            let intent = try await provider.charge(.localStripe(paymentMethod: "pm_card_chargeCustomerFail"))

            #expect(intent.id.hasPrefix("pi_"))
            #expect(intent.status == .requiresPaymentMethod)
            #expect(
                intent.decline == .init(code: "card_declined", declineCode: nil, message: "Your card was declined."))
            let again = try await provider.retrieve(intent: intent.id)
            #expect(again.status == .requiresPaymentMethod)
            #expect(again.decline?.code == "card_declined")
        }
    }

    @Test("a card that needs 3-D Secure waits for the customer, then succeeds once they pass the step")
    func threeDSecure() async throws {
        try await withLocalStripe { provider, customer in
            // setup
            let card = try await customer.card(number: "4000002760003184")

            // act
            let intent = try await provider.charge(.localStripe(paymentMethod: card))
            #expect(intent.status == .requiresAction)
            #expect(intent.nextActionURL == nil, "without a return URL the step is Stripe.js's, by client secret")
            let clientSecret = try #require(intent.clientSecret)
            try await customer.authenticate(intent: intent.id, clientSecret: clientSecret, passes: true)

            // assert
            let paid = try await provider.retrieve(intent: intent.id)
            #expect(paid.status == .succeeded)
            #expect(paid.amount == 2_500)
        }
    }

    @Test("a customer who fails 3-D Secure leaves the intent awaiting another payment method, with the reason")
    func threeDSecureFailed() async throws {
        try await withLocalStripe { provider, customer in
            let card = try await customer.card(number: "4000002760003184")
            let intent = try await provider.charge(.localStripe(paymentMethod: card))
            try await customer.authenticate(intent: intent.id, clientSecret: intent.clientSecret ?? "", passes: false)

            let failed = try await provider.retrieve(intent: intent.id)

            #expect(failed.status == .requiresPaymentMethod)
            #expect(failed.decline?.code == "payment_intent_authentication_failure")
        }
    }

    @Test("an intent waiting for authentication can be cancelled; a succeeded one cannot")
    func cancel() async throws {
        try await withLocalStripe { provider, customer in
            let waiting = try await provider.charge(
                .localStripe(paymentMethod: try await customer.card(number: "4000002500003155")))
            let paid = try await provider.charge(.localStripe(paymentMethod: "pm_card_visa"))

            let cancelled = try await provider.cancel(intent: waiting.id, idempotencyKey: "intent:\(waiting.id):cancel")
            let refusal = try await #require(throws: PaymentProviderError.self) {
                try await provider.cancel(intent: paid.id, idempotencyKey: "intent:\(paid.id):cancel")
            }

            #expect(cancelled.status == .canceled)
            #expect(try await provider.retrieve(intent: waiting.id).status == .canceled)
            #expect(!refusal.isTemporary)
        }
    }

    @Test("part of a succeeded charge is refunded to the card")
    func refund() async throws {
        try await withLocalStripe { provider, _ in
            let paid = try await provider.charge(.localStripe(paymentMethod: "pm_card_visa"))

            let refund = try await provider.refund(
                intent: paid.id, amount: 1_000, idempotencyKey: "refund:\(paid.id):1")

            #expect(refund.id.hasPrefix("re_"))
            #expect(refund.status == .succeeded)
            #expect(refund.amount == 1_000)
        }
    }

    @Test("an intent Stripe does not know is an error worth no retry")
    func unknownIntent() async throws {
        try await withLocalStripe { provider, _ in
            let error = try await #require(throws: PaymentProviderError.self) {
                try await provider.retrieve(intent: "pi_doesNotExist")
            }

            #expect(!error.isTemporary)
            #expect(error.message.hasPrefix("Stripe answered 404"))
        }
    }

    /// Runs `body` with a provider calling the suite's localstripe and a customer acting on it.
    private func withLocalStripe(
        _ body: (StripePaymentProvider, LocalStripeCustomer) async throws -> Void
    ) async throws {
        let server = try #require(LocalStripe.current, "the suite's .localStripe trait starts it")
        let app = try await Application.make(.testing)
        let provider = StripePaymentProvider(
            secretKey: LocalStripe.secretKey, apiBase: server.baseURL, client: app.client,
            onboardingRefreshURL: "https://p2p.example/payouts/onboarding/refresh",
            onboardingReturnURL: "https://p2p.example/payouts/onboarding/done")
        do {
            try await body(provider, LocalStripeCustomer(client: app.client, baseURL: server.baseURL))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

extension ProviderCharge {
    /// A charge as the platform makes them, description included.
    static func localStripe(paymentMethod: String) -> ProviderCharge {
        .stripeMock(paymentMethod: paymentMethod)
    }
}

/// What the customer's browser and Stripe.js do on localstripe, which the provider never does: turn a test card
/// number into a payment method, and answer the 3-D Secure step.
struct LocalStripeCustomer {
    let client: any Client
    let baseURL: String

    private struct Created: Decodable {
        var id: String
    }

    /// A card payment method (`pm_…`) for one of Stripe's test card numbers.
    func card(number: String) async throws -> String {
        let created: Created = try await post(
            "/v1/payment_methods",
            "type=card&card[number]=\(number)&card[exp_month]=12&card[exp_year]=2034&card[cvc]=123")
        return created.id
    }

    /// Passes or fails the intent's 3-D Secure step, as the customer would on their bank's page.
    func authenticate(intent id: String, clientSecret: String, passes: Bool) async throws {
        let _: Created = try await post(
            "/v1/payment_intents/\(id)/_authenticate", "client_secret=\(clientSecret)&success=\(passes)")
    }

    private func post<Answer: Decodable>(_ path: String, _ form: String) async throws -> Answer {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: LocalStripe.secretKey)
        headers.contentType = .urlEncodedForm
        let response = try await client.post(URI(string: baseURL + path), headers: headers) { request in
            request.body = ByteBuffer(string: form)
        }
        try #require(response.status == .ok, "localstripe answered \(response.status): \(response.body?.string ?? "")")
        return try response.content.decode(Answer.self)
    }
}
