import Foundation
import Vapor

/// The live provider: Stripe's REST API (`https://api.stripe.com`), card payments through PaymentIntents and
/// traveler payouts through Connect Express accounts.
///
/// Every POST carries the caller's idempotency key unchanged (a second step of one call, such as the onboarding
/// link after an account, carries a key derived from it), so a retry after a timeout is answered by Stripe with
/// what the first attempt did instead of charging or paying twice.
public struct StripePaymentProvider: PaymentProvider {
    let api: StripeAPI
    let connect: ConnectPages
    /// Where the customer's browser comes back after a redirect-based authentication step; without one Stripe
    /// hands the step to Stripe.js, which completes it with the intent's client secret.
    let authenticationReturnURL: String?

    /// The platform's pages an onboarding link sends a traveler back to.
    struct ConnectPages: Sendable {
        /// Where an expired or already visited onboarding link leads, to ask for a new one.
        var refreshURL: String
        /// Where the traveler lands after leaving Stripe's onboarding, finished or not.
        var returnURL: String
    }

    /// - Parameters:
    ///   - apiBase: Stripe's API, or a test server speaking it (localstripe).
    ///   - onboardingRefreshURL: the platform's page that asks for a new onboarding link.
    ///   - onboardingReturnURL: the platform's page a traveler returns to from onboarding.
    ///   - authenticationReturnURL: where a 3-D Secure redirect returns; nil leaves the step to Stripe.js.
    public init(
        secretKey: String, apiBase: String = "https://api.stripe.com", client: any Client,
        onboardingRefreshURL: String, onboardingReturnURL: String, authenticationReturnURL: String? = nil
    ) {
        api = StripeAPI(secretKey: secretKey, base: apiBase, client: client)
        connect = ConnectPages(refreshURL: onboardingRefreshURL, returnURL: onboardingReturnURL)
        self.authenticationReturnURL = authenticationReturnURL
    }

    public var name: String { "stripe" }

    public func charge(_ charge: ProviderCharge) async throws -> ProviderIntent {
        var form: StripeForm = [
            "amount": String(charge.amount),
            "currency": charge.currency.lowercased(),
            "payment_method": charge.paymentMethod,
            "confirm": "true",
            "payment_method_types[]": "card",
            "metadata[reference]": charge.reference.uuidString,
        ]
        // The description travels as metadata: Stripe shows both on the payment, and localstripe, which the
        // tests run against, refuses the `description` parameter.
        form.append("metadata[description]", charge.description.isEmpty ? nil : charge.description)
        form.append("return_url", authenticationReturnURL)
        return try await answer(
            api.confirming("/v1/payment_intents", form, idempotencyKey: charge.idempotencyKey), intent: nil)
    }

    public func retrieve(intent id: String) async throws -> ProviderIntent {
        let intent: StripePaymentIntent = try await api.get(StripeAPI.path("payment_intents", id))
        return try intent.providerIntent()
    }

    public func confirm(intent id: String, idempotencyKey: String) async throws -> ProviderIntent {
        var form: StripeForm = [:]
        form.append("return_url", authenticationReturnURL)
        let path = StripeAPI.path("payment_intents", id, "confirm")
        return try await answer(api.confirming(path, form, idempotencyKey: idempotencyKey), intent: id)
    }

    public func cancel(intent id: String, idempotencyKey: String) async throws -> ProviderIntent {
        let path = StripeAPI.path("payment_intents", id, "cancel")
        let intent: StripePaymentIntent = try await api.post(path, [:], idempotencyKey: idempotencyKey)
        return try intent.providerIntent()
    }

    public func refund(intent id: String, amount: Int64, idempotencyKey: String) async throws -> ProviderRefund {
        let form: StripeForm = ["payment_intent": id, "amount": String(amount)]
        let refund: StripeRefund = try await api.post("/v1/refunds", form, idempotencyKey: idempotencyKey)
        return try refund.providerRefund()
    }

    /// The intent a confirming call left; a declined card is the intent awaiting another payment method, with the
    /// refusal's reasons.
    private func answer(_ confirmation: StripeAPI.Confirmation, intent known: String?) async throws -> ProviderIntent {
        switch confirmation {
        case .intent(let intent):
            return try intent.providerIntent()
        case .declined(let refusal):
            var intent = try await declinedIntent(refusal, known: known).providerIntent()
            intent.status = .requiresPaymentMethod
            intent.decline = refusal.error.decline
            return intent
        }
    }

    /// The intent a refusal is about: Stripe puts it in the error; an error that names only the failed charge
    /// (localstripe's) is followed to the charge's intent.
    private func declinedIntent(_ refusal: StripeErrorEnvelope, known: String?) async throws -> StripePaymentIntent {
        if let intent = refusal.paymentIntent { return intent }
        var id = known
        if id == nil, let charge = refusal.error.charge {
            let found: StripeCharge = try await api.get(StripeAPI.path("charges", charge))
            id = found.paymentIntent
        }
        guard let id else {
            throw PaymentProviderError(
                isTemporary: false, code: refusal.error.code,
                message: "Stripe declined the card without naming its payment intent")
        }
        return try await api.get(StripeAPI.path("payment_intents", id))
    }
}
