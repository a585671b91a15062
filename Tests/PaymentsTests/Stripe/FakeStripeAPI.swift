import Foundation
import NIOConcurrencyHelpers
import Payments
import Testing
import Vapor

/// A local server speaking Stripe's REST API, for what localstripe does not implement (Connect: accounts, account
/// links, transfers, payouts on a connected account) and for answers it never gives (Stripe's exact card errors,
/// 5xx, rate limits).
///
/// It answers each `METHOD /path` with a body the test gives, shaped like the API reference's examples, and keeps
/// every request for the test to check. Like Stripe it refuses a request without the secret key and replays the
/// first answer to a POST whose idempotency key it has seen; stricter than Stripe it refuses a POST without an
/// idempotency key or a form-encoded body, so a provider that forgets either fails loudly.
final class FakeStripeAPI: Sendable {
    static let secretKey = "sk_test_51FakeStripeKeyOfTheProviderTests"
    static let onboardingRefreshURL = "https://p2p.example/payouts/onboarding/refresh"
    static let onboardingReturnURL = "https://p2p.example/payouts/onboarding/done"

    struct Answer: Sendable {
        var status: HTTPStatus = .ok
        var body: String
    }

    /// A request as the server received it.
    struct Request: Sendable {
        var method: HTTPMethod
        var path: String
        var headers: HTTPHeaders
        var body: String
        /// The form's fields, percent-decoded.
        var form: [String: String]

        var idempotencyKey: String? { headers.first(name: "Idempotency-Key") }
        var stripeAccount: String? { headers.first(name: "Stripe-Account") }
    }

    private let app: Application
    private let answers: [String: Answer]
    private let received = NIOLockedValueBox<[Request]>([])
    private let replays = NIOLockedValueBox<[String: Answer]>([:])

    private init(app: Application, answers: [String: Answer]) {
        self.app = app
        self.answers = answers
    }

    /// Every request so far, in the order they came.
    var requests: [Request] { received.withLockedValue { $0 } }

    /// The request, when exactly one came.
    var onlyRequest: Request? {
        let requests = requests
        return requests.count == 1 ? requests.first : nil
    }

    /// Serves `answers` (keyed `"POST /v1/transfers"`) on a free loopback port for the duration of `body`, which
    /// gets the server and a provider calling it.
    static func serving(
        _ answers: [String: Answer], authenticationReturnURL: String? = nil,
        _ body: (FakeStripeAPI, StripePaymentProvider) async throws -> Void
    ) async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .error
        let fake = FakeStripeAPI(app: app, answers: answers)
        app.on(.GET, "**") { request in fake.answer(request) }
        app.on(.POST, "**", body: .collect(maxSize: "1mb")) { request in fake.answer(request) }
        do {
            try await app.asyncBoot()
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let provider = StripePaymentProvider(
                secretKey: secretKey, apiBase: "http://127.0.0.1:\(port)", client: app.client,
                onboardingRefreshURL: onboardingRefreshURL, onboardingReturnURL: onboardingReturnURL,
                authenticationReturnURL: authenticationReturnURL)
            try await body(fake, provider)
        } catch {
            await app.server.shutdown()
            try? await app.asyncShutdown()
            throw error
        }
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    /// Closes the listening socket: the provider's next call finds nobody at its address.
    func stopListening() async {
        await app.server.shutdown()
    }

    private func answer(_ request: Vapor.Request) -> Response {
        let body = request.body.string ?? ""
        let recorded = Request(
            method: request.method, path: request.url.path, headers: request.headers, body: body,
            form: Self.fields(of: body))
        received.withLockedValue { $0.append(recorded) }
        guard request.headers.bearerAuthorization?.token == Self.secretKey else {
            return Self.response(
                .unauthorized, error: "invalid_request_error", "Invalid API Key provided: sk_test_****")
        }
        guard request.method == .POST else { return lookUp(recorded) }
        guard let key = recorded.idempotencyKey, !key.isEmpty else {
            return Self.response(.badRequest, error: "invalid_request_error", "the fake wants an Idempotency-Key")
        }
        guard request.headers.contentType == .urlEncodedForm else {
            return Self.response(.badRequest, error: "invalid_request_error", "the fake wants a form-encoded body")
        }
        if let first = replays.withLockedValue({ $0[key] }) { return Self.response(first) }
        let response = lookUp(recorded)
        replays.withLockedValue { $0[key] = Answer(status: response.status, body: response.body.string ?? "") }
        return response
    }

    private func lookUp(_ request: Request) -> Response {
        guard let answer = answers["\(request.method) \(request.path)"] else {
            return Self.response(.notFound, error: "invalid_request_error", "Unrecognized request URL")
        }
        return Self.response(answer)
    }

    private static func response(_ answer: Answer) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: answer.status, headers: headers, body: .init(string: answer.body))
    }

    private static func response(_ status: HTTPStatus, error type: String, _ message: String) -> Response {
        response(Answer(status: status, body: #"{"error": {"type": "\#(type)", "message": "\#(message)"}}"#))
    }

    private static func fields(of form: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : ""
            fields[key] = value
        }
        return fields
    }
}
