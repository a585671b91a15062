import Foundation
import Payments
import Testing
import Vapor

@Suite("Stripe errors")
struct StripeErrorMappingTests {
    /// One answer of Stripe's and what the provider must make of it.
    struct Case: Sendable, CustomTestStringConvertible {
        var status: HTTPStatus
        var body: String
        var isTemporary: Bool
        var code: String?

        var testDescription: String { "\(status.code) \(code ?? "without a code")" }
    }

    static let cases: [Case] = [
        Case(
            status: .internalServerError,
            body: StripeAnswers.error(type: "api_error", code: nil, message: "An unknown error occurred"),
            isTemporary: true),
        Case(
            status: .badGateway, body: "<html><body>502 Bad Gateway</body></html>", isTemporary: true),
        Case(
            status: .tooManyRequests,
            body: StripeAnswers.error(
                type: "invalid_request_error", code: "rate_limit", message: "Too many requests hit the API too quickly."
            ),
            isTemporary: true, code: "rate_limit"),
        Case(
            status: .conflict,
            body: StripeAnswers.error(
                type: "invalid_request_error", code: "idempotency_key_in_use",
                message: "There is currently another in-progress request using this Idempotent Key."),
            isTemporary: true, code: "idempotency_key_in_use"),
        Case(
            status: .badRequest,
            body: StripeAnswers.error(
                type: "idempotency_error", code: nil,
                message:
                    "Keys for idempotent requests can only be used with the same parameters they were first used with."),
            isTemporary: false),
        Case(
            status: .badRequest,
            body: StripeAnswers.error(
                type: "invalid_request_error", code: "parameter_invalid_integer", message: "Invalid integer: abc"),
            isTemporary: false, code: "parameter_invalid_integer"),
        Case(
            status: .notFound,
            body: StripeAnswers.error(
                type: "invalid_request_error", code: "resource_missing", message: "No such payment_intent: 'pi_123'"),
            isTemporary: false, code: "resource_missing"),
    ]

    @Test("network trouble, 5xx, 429 and a key in use are worth retrying; any other refusal is not", arguments: cases)
    func mapping(_ answer: Case) async throws {
        let answers = ["POST /v1/payment_intents": FakeStripeAPI.Answer(status: answer.status, body: answer.body)]
        try await FakeStripeAPI.serving(answers) { _, provider in
            let error = try await #require(throws: PaymentProviderError.self) {
                try await provider.charge(.stripeMock())
            }

            #expect(error.isTemporary == answer.isTemporary)
            #expect(error.code == answer.code)
            #expect(error.message.hasPrefix("Stripe answered \(answer.status.code)"))
        }
    }

    @Test("Stripe's message is passed on, so the log says what was wrong")
    func message() async throws {
        let body = StripeAnswers.error(
            type: "invalid_request_error", code: "resource_missing", message: "No such payment_intent: 'pi_123'")
        try await FakeStripeAPI.serving(["GET /v1/payment_intents/pi_123": .init(status: .notFound, body: body)]) {
            _, provider in
            let error = try await #require(throws: PaymentProviderError.self) {
                try await provider.retrieve(intent: "pi_123")
            }

            #expect(
                error.description
                    == "payment provider: Stripe answered 404: No such payment_intent: 'pi_123' (resource_missing)")
        }
    }

    @Test("the secret key never appears in an error, even when Stripe's message repeats it")
    func secretRedacted() async throws {
        let body = StripeAnswers.error(
            type: "invalid_request_error", code: "api_key_expired",
            message: "Expired API Key provided: \(FakeStripeAPI.secretKey)")
        try await FakeStripeAPI.serving(["POST /v1/refunds": .init(status: .unauthorized, body: body)]) { _, provider in
            let error = try await #require(throws: PaymentProviderError.self) {
                try await provider.refund(intent: "pi_1", amount: 100, idempotencyKey: "refund:1")
            }

            #expect(!error.isTemporary)
            #expect(!error.description.contains(FakeStripeAPI.secretKey))
            #expect(!String(reflecting: error).contains(FakeStripeAPI.secretKey))
            #expect(error.description.contains("Expired API Key provided"))
        }
    }

    /// Takes the HTTP client's connect timeout (10 s): it retries a refused connection until then.
    @Test("Stripe out of reach is a temporary error that names neither the key nor a header")
    func unreachable() async throws {
        try await FakeStripeAPI.serving([:]) { stripe, provider in
            await stripe.stopListening()

            let error = try await #require(throws: PaymentProviderError.self) {
                try await provider.charge(.stripeMock())
            }

            #expect(error.isTemporary)
            #expect(error.message.hasPrefix("could not reach Stripe"))
            #expect(!String(reflecting: error).contains(FakeStripeAPI.secretKey))
        }
    }

    @Test("an intent status the provider does not know is an error, not a guess")
    func unknownStatus() async throws {
        let body = StripeAnswers.paymentIntent(status: "requires_source")
        try await FakeStripeAPI.serving(["GET /v1/payment_intents/pi_1": .init(body: body)]) { _, provider in
            let error = try await #require(throws: PaymentProviderError.self) {
                try await provider.retrieve(intent: "pi_1")
            }

            #expect(!error.isTemporary)
            #expect(error.message.contains("requires_source"))
        }
    }
}
