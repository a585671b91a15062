import Foundation

/// A charge to create and confirm: minor units in `currency`, paid with `paymentMethod` (`pm_card_visa`).
public struct ProviderCharge: Sendable, Equatable {
    public var amount: Int64
    /// ISO 4217, upper case.
    public var currency: String
    public var paymentMethod: String
    public var description: String
    /// The platform's reference (`payment_intents.id`), echoed back by webhooks.
    public var reference: UUID
    public var idempotencyKey: String

    public init(
        amount: Int64, currency: String, paymentMethod: String, description: String, reference: UUID,
        idempotencyKey: String
    ) {
        self.amount = amount
        self.currency = currency.uppercased()
        self.paymentMethod = paymentMethod
        self.description = description
        self.reference = reference
        self.idempotencyKey = idempotencyKey
    }
}

/// A payment intent as the provider reports it. The statuses are Stripe's.
public struct ProviderIntent: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// No usable payment method: a declined card lands here, with `decline`.
        case requiresPaymentMethod = "requires_payment_method"
        case requiresConfirmation = "requires_confirmation"
        /// The customer must complete a step (3-D Secure) before the charge can succeed.
        case requiresAction = "requires_action"
        case processing
        case requiresCapture = "requires_capture"
        case canceled
        case succeeded
    }

    /// Why a card was declined, in Stripe's terms.
    public struct Decline: Sendable, Equatable {
        /// `card_declined`, `expired_card`, `incorrect_cvc`, …
        public var code: String
        /// `generic_decline`, `insufficient_funds`, … when the issuer gave one.
        public var declineCode: String?
        public var message: String

        public init(code: String, declineCode: String?, message: String) {
            self.code = code
            self.declineCode = declineCode
            self.message = message
        }
    }

    /// The provider's id (`pi_…`).
    public var id: String
    public var status: Status
    public var amount: Int64
    public var currency: String
    /// Handed to the customer's browser or app to complete an authentication step; never logged.
    public var clientSecret: String?
    /// Where the customer completes the authentication step, when `status` is `requiresAction`.
    public var nextActionURL: String?
    public var decline: Decline?

    public init(
        id: String, status: Status, amount: Int64, currency: String, clientSecret: String? = nil,
        nextActionURL: String? = nil, decline: Decline? = nil
    ) {
        self.id = id
        self.status = status
        self.amount = amount
        self.currency = currency.uppercased()
        self.clientSecret = clientSecret
        self.nextActionURL = nextActionURL
        self.decline = decline
    }
}

public struct ProviderRefund: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case pending, succeeded, failed, canceled
    }

    /// The provider's id (`re_…`).
    public var id: String
    public var status: Status
    public var amount: Int64

    public init(id: String, status: Status, amount: Int64) {
        self.id = id
        self.status = status
        self.amount = amount
    }
}

/// A traveler's connected account to open.
public struct ProviderAccountRequest: Sendable, Equatable {
    /// ISO 3166-1 alpha-2.
    public var country: String
    public var email: String
    /// ISO 4217 the traveler is paid in.
    public var currency: String
    /// The platform's reference (`payout_accounts.id`).
    public var reference: UUID
    public var idempotencyKey: String

    public init(country: String, email: String, currency: String, reference: UUID, idempotencyKey: String) {
        self.country = country.uppercased()
        self.email = email
        self.currency = currency.uppercased()
        self.reference = reference
        self.idempotencyKey = idempotencyKey
    }
}

public struct ProviderAccount: Sendable, Equatable {
    /// The provider's id (`acct_…`).
    public var id: String
    /// Whether the account may receive payouts now.
    public var payoutsEnabled: Bool
    /// What the traveler still has to provide (`external_account`, `individual.verification.document`, …).
    public var requirements: [String]
    /// Where the traveler completes the requirements, when the provider hosts that step.
    public var onboardingURL: String?

    public init(id: String, payoutsEnabled: Bool, requirements: [String], onboardingURL: String? = nil) {
        self.id = id
        self.payoutsEnabled = payoutsEnabled
        self.requirements = requirements
        self.onboardingURL = onboardingURL
    }
}

public struct ProviderPayoutRequest: Sendable, Equatable {
    /// The connected account (`acct_…`).
    public var account: String
    public var amount: Int64
    public var currency: String
    /// Instant payouts arrive in minutes, for a fee; standard ones on the provider's schedule.
    public var instant: Bool
    /// The platform's reference (`payouts.id`).
    public var reference: UUID
    public var idempotencyKey: String

    public init(
        account: String, amount: Int64, currency: String, instant: Bool, reference: UUID, idempotencyKey: String
    ) {
        self.account = account
        self.amount = amount
        self.currency = currency.uppercased()
        self.instant = instant
        self.reference = reference
        self.idempotencyKey = idempotencyKey
    }
}

public struct ProviderPayout: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case pending
        case inTransit = "in_transit"
        case paid, failed, canceled
    }

    /// The provider's id of the money movement (`tr_…` for a transfer to the connected account).
    public var id: String
    public var status: Status
    public var failureMessage: String?

    public init(id: String, status: Status, failureMessage: String? = nil) {
        self.id = id
        self.status = status
        self.failureMessage = failureMessage
    }
}

/// The provider could not be reached or refused the call for a reason other than a card decline.
public struct PaymentProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Whether retrying the same call (same idempotency key) may succeed: network trouble, 5xx, 429.
    public var isTemporary: Bool
    /// The provider's error code when it gave one (`resource_missing`, `idempotency_key_in_use`).
    public var code: String?
    /// Safe to log and to show: never holds a secret.
    public var message: String

    public init(isTemporary: Bool, code: String? = nil, message: String) {
        self.isTemporary = isTemporary
        self.code = code
        self.message = message
    }

    public var description: String { "payment provider: \(message)" + (code.map { " (\($0))" } ?? "") }
}
