import Foundation
import Payments
import Testing
import Vapor

@Suite("Stripe Connect payouts on the wire")
struct StripeConnectTests {
    let account = "acct_1Nv0FGQ9RKHgCVdK"

    @Test("opening a payout account creates an Express account, then its onboarding link, each under its own key")
    func createAccount() async throws {
        // setup
        let answers = [
            "POST /v1/accounts": FakeStripeAPI.Answer(
                body: StripeAnswers.account(
                    payoutsEnabled: false, currentlyDue: ["external_account", "tos_acceptance.date"])),
            "POST /v1/account_links": FakeStripeAPI.Answer(body: StripeAnswers.accountLink),
        ]
        try await FakeStripeAPI.serving(answers) { stripe, provider in
            let request = ProviderAccountRequest(
                country: "fr", email: "traveler@example.com", currency: "eur", reference: StripeAnswers.reference,
                idempotencyKey: "payout-account:9:create")

            // act
            let opened = try await provider.createPayoutAccount(request)

            // assert
            #expect(
                opened
                    == ProviderAccount(
                        id: account, payoutsEnabled: false, requirements: ["external_account", "tos_acceptance.date"],
                        onboardingURL:
                            "https://connect.stripe.com/setup/e/acct_1Nv0FGQ9RKHgCVdK/YWNjdF8xTnYwRkdROVJLSGdDVmRLLF9OaFh5"
                    ))
            let requests = stripe.requests
            #expect(requests.map(\.path) == ["/v1/accounts", "/v1/account_links"])
            #expect(
                requests.first?.form == [
                    "type": "express", "country": "FR", "email": "traveler@example.com", "default_currency": "eur",
                    "capabilities[transfers][requested]": "true",
                    "metadata[reference]": StripeAnswers.reference.uuidString,
                ])
            #expect(
                requests.last?.form == [
                    "account": account, "refresh_url": FakeStripeAPI.onboardingRefreshURL,
                    "return_url": FakeStripeAPI.onboardingReturnURL, "type": "account_onboarding",
                ])
            let keys = requests.compactMap(\.idempotencyKey)
            #expect(keys.count == 2 && Set(keys).count == 2, "each POST has its own key")
            #expect(keys.first == "payout-account:9:create")
            #expect(requests.allSatisfy { $0.stripeAccount == nil }, "both are made on the platform's account")
        }
    }

    @Test("reading a payout account is a GET that says whether payouts are enabled and what is still due")
    func retrieveAccount() async throws {
        let answers = [
            "GET /v1/accounts/\(account)": FakeStripeAPI.Answer(
                body: StripeAnswers.account(payoutsEnabled: true, currentlyDue: []))
        ]
        try await FakeStripeAPI.serving(answers) { stripe, provider in
            let read = try await provider.retrievePayoutAccount(id: account)

            #expect(read == ProviderAccount(id: account, payoutsEnabled: true, requirements: []))
            let request = try #require(stripe.onlyRequest)
            #expect(request.method == .GET)
            #expect(request.headers.first(name: "Authorization") == "Bearer \(FakeStripeAPI.secretKey)")
        }
    }

    @Test("a standard payout is one transfer to the connected account, pending until the account's bank payout")
    func standardPayout() async throws {
        try await FakeStripeAPI.serving(["POST /v1/transfers": .init(body: StripeAnswers.transfer)]) {
            stripe, provider in
            let payout = try await provider.payout(payoutRequest(instant: false))

            #expect(payout == ProviderPayout(id: "tr_1MiN3gLkdIwHu7ixNCZvFdgA", status: .pending))
            let request = try #require(stripe.onlyRequest)
            #expect(request.path == "/v1/transfers")
            #expect(request.idempotencyKey == "payout:3:send")
            #expect(request.stripeAccount == nil)
            #expect(
                request.form == [
                    "amount": "8500", "currency": "eur", "destination": account,
                    "metadata[reference]": StripeAnswers.reference.uuidString,
                ])
        }
    }

    @Test("an instant payout also pays the connected account out at once, as a payout made on that account")
    func instantPayout() async throws {
        let answers = [
            "POST /v1/transfers": FakeStripeAPI.Answer(body: StripeAnswers.transfer),
            "POST /v1/payouts": FakeStripeAPI.Answer(body: StripeAnswers.instantPayout),
        ]
        try await FakeStripeAPI.serving(answers) { stripe, provider in
            let payout = try await provider.payout(payoutRequest(instant: true))

            #expect(payout == ProviderPayout(id: "tr_1MiN3gLkdIwHu7ixNCZvFdgA", status: .inTransit))
            let requests = stripe.requests
            #expect(requests.map(\.path) == ["/v1/transfers", "/v1/payouts"])
            let instant = try #require(requests.last)
            #expect(instant.stripeAccount == account)
            #expect(instant.idempotencyKey != nil && instant.idempotencyKey != requests.first?.idempotencyKey)
            #expect(
                instant.form == [
                    "amount": "8500", "currency": "eur", "method": "instant",
                    "metadata[reference]": StripeAnswers.reference.uuidString,
                ])
        }
    }

    @Test("an instant payout Stripe refuses after the transfer is an error the caller sees")
    func instantPayoutRefused() async throws {
        let refusal = StripeAnswers.error(
            type: "invalid_request_error", code: "instant_payouts_unsupported",
            message: "This card is not eligible for Instant Payouts.")
        let answers = [
            "POST /v1/transfers": FakeStripeAPI.Answer(body: StripeAnswers.transfer),
            "POST /v1/payouts": FakeStripeAPI.Answer(status: .badRequest, body: refusal),
        ]
        try await FakeStripeAPI.serving(answers) { _, provider in
            let error = try await #require(throws: PaymentProviderError.self) {
                try await provider.payout(payoutRequest(instant: true))
            }

            #expect(!error.isTemporary)
            #expect(error.code == "instant_payouts_unsupported")
        }
    }

    private func payoutRequest(instant: Bool) -> ProviderPayoutRequest {
        ProviderPayoutRequest(
            account: account, amount: 8_500, currency: "EUR", instant: instant, reference: StripeAnswers.reference,
            idempotencyKey: "payout:3:send")
    }
}
