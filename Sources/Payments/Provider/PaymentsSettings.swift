import Platform
import Vapor

/// The payments module's settings, read once at boot: `PAYMENT_PROVIDER` (`sandbox`, the default, or `stripe`),
/// and for Stripe `STRIPE_SECRET_KEY`, `STRIPE_WEBHOOK_SECRET` and `STRIPE_API_BASE` (a test server).
public struct PaymentsSettings: Sendable {
    public var provider: String
    public var stripeSecretKey: String?
    /// Verifies `Stripe-Signature` on `POST /payments/webhooks/stripe`; without it the route answers 404.
    public var stripeWebhookSecret: String?
    public var stripeAPIBase: String

    public init(
        provider: String = "sandbox", stripeSecretKey: String? = nil, stripeWebhookSecret: String? = nil,
        stripeAPIBase: String = "https://api.stripe.com"
    ) {
        self.provider = provider
        self.stripeSecretKey = stripeSecretKey
        self.stripeWebhookSecret = stripeWebhookSecret
        self.stripeAPIBase = stripeAPIBase
    }

    public static func fromEnvironment(_ env: [String: String]) throws -> PaymentsSettings {
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        let settings = PaymentsSettings(
            provider: value("PAYMENT_PROVIDER") ?? "sandbox", stripeSecretKey: value("STRIPE_SECRET_KEY"),
            stripeWebhookSecret: value("STRIPE_WEBHOOK_SECRET"),
            stripeAPIBase: value("STRIPE_API_BASE") ?? "https://api.stripe.com")
        switch settings.provider {
        case "sandbox": break
        case "stripe":
            guard settings.stripeSecretKey != nil else {
                throw InvalidSetting("STRIPE_SECRET_KEY", value: "", reason: "is required with PAYMENT_PROVIDER=stripe")
            }
        default:
            throw InvalidSetting("PAYMENT_PROVIDER", value: settings.provider, reason: "must be sandbox or stripe")
        }
        return settings
    }

    /// The provider these settings choose; Stripe's onboarding and authentication steps return to `address`.
    func makeProvider(client: any Client, address: PublicAddress) -> any PaymentProvider {
        guard provider == "stripe", let key = stripeSecretKey else { return SandboxPaymentProvider() }
        return StripePaymentProvider(
            secretKey: key, apiBase: stripeAPIBase, client: client,
            onboardingRefreshURL: address.link("/payouts/onboarding?refresh=1"),
            onboardingReturnURL: address.link("/payouts/onboarding"),
            authenticationReturnURL: address.link("/payments/authenticated"))
    }
}

extension Application {
    private struct PaymentsSettingsKey: StorageKey {
        typealias Value = PaymentsSettings
    }

    public var paymentsSettings: PaymentsSettings {
        get { storage[PaymentsSettingsKey.self] ?? PaymentsSettings() }
        set { storage[PaymentsSettingsKey.self] = newValue }
    }
}
