import Foundation
import NIOCore
import Vapor

/// Stripe's REST API as the provider calls it: bearer authentication, form-encoded bodies, an idempotency key on
/// every POST, JSON answers.
///
/// Every failure leaves as a `PaymentProviderError` whose message never holds the secret key, except a card's
/// refusal on a call that confirms a payment intent, which `confirming` answers as a value: for the platform a
/// declined card is an outcome, not a fault.
struct StripeAPI: Sendable {
    /// What a call that confirms a payment intent answers.
    enum Confirmation: Sendable {
        case intent(StripePaymentIntent)
        case declined(StripeErrorEnvelope)
    }

    let secretKey: String
    let base: String
    let client: any Client

    /// How long one call may take; Stripe's own libraries wait 80 seconds before they give up on an answer.
    private static let timeout = TimeAmount.seconds(80)

    /// Reads the object at `path`.
    func get<Object: Decodable>(_ path: String) async throws -> Object {
        try decode(try await send(.GET, path))
    }

    /// Creates or changes the object at `path`; `account` acts on a connected account (`Stripe-Account`).
    func post<Object: Decodable>(
        _ path: String, _ form: StripeForm, idempotencyKey: String, account: String? = nil
    ) async throws -> Object {
        try decode(try await send(.POST, path, form: form, idempotencyKey: idempotencyKey, account: account))
    }

    /// Creates or confirms a payment intent at `path`, answering a card's refusal instead of throwing it.
    func confirming(_ path: String, _ form: StripeForm, idempotencyKey: String) async throws -> Confirmation {
        let response = try await send(.POST, path, form: form, idempotencyKey: idempotencyKey)
        // Stripe answers a refused card with 402 and a `card_error`; localstripe sends the same 402 typed
        // `invalid_request_error`. Both mean "the parameters were valid but the card was not charged".
        if response.status == .paymentRequired,
            let refusal = try? JSONDecoder.stripe.decode(StripeErrorEnvelope.self, from: Self.bytes(of: response))
        {
            return .declined(refusal)
        }
        return .intent(try decode(response))
    }

    /// `/v1/payment_intents/pi_…/confirm`, the id percent-encoded so that no id can change the path.
    static func path(_ collection: String, _ id: String, _ action: String? = nil) -> String {
        "/v1/\(collection)/\(StripeForm.escaped(id))" + (action.map { "/\($0)" } ?? "")
    }

    private func send(
        _ method: HTTPMethod, _ path: String, form: StripeForm? = nil, idempotencyKey: String? = nil,
        account: String? = nil
    ) async throws -> ClientResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: secretKey)
        if let idempotencyKey { headers.replaceOrAdd(name: "Idempotency-Key", value: idempotencyKey) }
        if let account { headers.replaceOrAdd(name: "Stripe-Account", value: account) }
        if form != nil { headers.contentType = .urlEncodedForm }
        let response: ClientResponse
        do {
            response = try await client.send(method, headers: headers, to: URI(string: base + path)) { request in
                request.timeout = Self.timeout
                if let form { request.body = ByteBuffer(string: form.encoded) }
            }
        } catch let cancellation as CancellationError {
            throw cancellation
        } catch {
            throw PaymentProviderError(isTemporary: true, message: redacted("could not reach Stripe: \(error)"))
        }
        return response
    }

    private func decode<Object: Decodable>(_ response: ClientResponse) throws -> Object {
        guard (200..<300).contains(response.status.code) else { throw failure(of: response) }
        do {
            return try JSONDecoder.stripe.decode(Object.self, from: Self.bytes(of: response))
        } catch {
            // The call did happen; the same idempotency key would replay the same unreadable answer.
            throw PaymentProviderError(
                isTemporary: false, message: redacted("could not read Stripe's answer to \(Object.self): \(error)"))
        }
    }

    /// Retrying may help after trouble on Stripe's side, a rate limit, or a concurrent call under the same key.
    private func failure(of response: ClientResponse) -> PaymentProviderError {
        let error = (try? JSONDecoder.stripe.decode(StripeErrorEnvelope.self, from: Self.bytes(of: response)))?.error
        let status = response.status
        let isTemporary =
            status.code >= 500 || status == .tooManyRequests
            || (status == .conflict && error?.code == "idempotency_key_in_use")
        let message = "Stripe answered \(status.code)" + (error?.message.map { ": \($0)" } ?? "")
        return PaymentProviderError(isTemporary: isTemporary, code: error?.code, message: redacted(message))
    }

    /// The text with the secret key cut out: Stripe masks keys it echoes, but a message is logged and shown.
    private func redacted(_ text: String) -> String {
        secretKey.isEmpty ? text : text.replacingOccurrences(of: secretKey, with: "[secret key]")
    }

    private static func bytes(of response: ClientResponse) -> Data {
        response.body.map { Data($0.readableBytesView) } ?? Data()
    }
}

extension JSONDecoder {
    /// Stripe's field names are snake_case.
    static var stripe: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
