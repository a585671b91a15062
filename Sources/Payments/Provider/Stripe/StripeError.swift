import Foundation

/// Stripe's error object, as an API error answers it and as a payment intent's `last_payment_error` holds it.
///
/// Its `type` is not read: what an error means for a retry follows from the HTTP status, and a card error is a
/// 402 on a call that confirms an intent.
struct StripeError: Decodable, Sendable {
    /// `card_declined`, `resource_missing`, `idempotency_key_in_use`, …
    var code: String?
    /// The issuer's reason for a card decline: `generic_decline`, `insufficient_funds`, …
    var declineCode: String?
    var message: String?
    /// The failed charge (`ch_…`) of a card error.
    var charge: String?

    /// The error as a card decline. Stripe names the code of every card error; a refusal without one is still a
    /// refusal, so it reads as the generic one.
    var decline: ProviderIntent.Decline {
        ProviderIntent.Decline(
            code: code ?? "card_declined", declineCode: declineCode, message: message ?? "Your card was declined.")
    }
}

/// An error answer: `{ "error": { "type", "code", "decline_code", "message", "payment_intent"? } }`.
///
/// A card error on a payment intent carries the intent itself inside the error, so a decline can be answered
/// with the intent's id and amounts without another call.
struct StripeErrorEnvelope: Decodable, Sendable {
    var error: StripeError
    var paymentIntent: StripePaymentIntent?

    private enum Keys: String, CodingKey {
        case error
        case paymentIntent
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        error = try container.decode(StripeError.self, forKey: .error)
        let inner = try container.nestedContainer(keyedBy: Keys.self, forKey: .error)
        paymentIntent = try inner.decodeIfPresent(StripePaymentIntent.self, forKey: .paymentIntent)
    }
}
