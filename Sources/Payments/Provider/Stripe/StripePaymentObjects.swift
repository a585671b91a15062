import Foundation

/// A PaymentIntent as Stripe's API answers it, the fields the platform reads.
struct StripePaymentIntent: Decodable, Sendable {
    struct NextAction: Decodable, Sendable {
        struct RedirectToURL: Decodable, Sendable {
            var url: String?
        }

        /// Present when the intent was confirmed with a `return_url`; otherwise the step runs in Stripe.js
        /// (`use_stripe_sdk`) with the client secret.
        var redirectToUrl: RedirectToURL?
    }

    var id: String
    var status: String
    var amount: Int64
    var currency: String
    var clientSecret: String?
    var nextAction: NextAction?
    var lastPaymentError: StripeError?

    /// The intent in the provider's terms; the decline is the last payment error of an intent that has to be
    /// paid with another method.
    func providerIntent() throws -> ProviderIntent {
        guard let status = ProviderIntent.Status(rawValue: status) else {
            throw PaymentProviderError(
                isTemporary: false, message: "Stripe answered an unknown payment intent status '\(self.status)'")
        }
        return ProviderIntent(
            id: id, status: status, amount: amount, currency: currency, clientSecret: clientSecret,
            nextActionURL: status == .requiresAction ? nextAction?.redirectToUrl?.url : nil,
            decline: status == .requiresPaymentMethod ? lastPaymentError?.decline : nil)
    }
}

/// A Charge, read only to find the payment intent a card error names by its charge.
struct StripeCharge: Decodable, Sendable {
    var paymentIntent: String?
}

/// A Refund as Stripe's API answers it.
struct StripeRefund: Decodable, Sendable {
    var id: String
    var status: String
    var amount: Int64

    func providerRefund() throws -> ProviderRefund {
        // `requires_action` is a refund waiting on the customer (some non-card methods): still pending.
        let status =
            status == "requires_action" ? ProviderRefund.Status.pending : ProviderRefund.Status(rawValue: status)
        guard let status else {
            throw PaymentProviderError(
                isTemporary: false, message: "Stripe answered an unknown refund status '\(self.status)'")
        }
        return ProviderRefund(id: id, status: status, amount: amount)
    }
}
