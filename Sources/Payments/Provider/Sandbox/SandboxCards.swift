/// Stripe's documented test payment methods, as the sandbox provider answers them.
enum SandboxCards {
    enum Behaviour: Equatable {
        case succeeds
        case declines(ProviderIntent.Decline)
        case requiresAuthentication
    }

    /// `nil` for a payment method Stripe's test mode does not know either.
    static func behaviour(of paymentMethod: String) -> Behaviour? {
        if succeeding.contains(paymentMethod) { return .succeeds }
        if authenticating.contains(paymentMethod) { return .requiresAuthentication }
        return declines[paymentMethod].map { .declines($0) }
    }

    static let succeeding: Set<String> = [
        "pm_card_visa", "pm_card_visa_debit", "pm_card_mastercard", "pm_card_mastercard_debit",
        "pm_card_mastercard_prepaid", "pm_card_amex", "pm_card_discover", "pm_card_diners", "pm_card_jcb",
        "pm_card_unionpay",
    ]

    static let authenticating: Set<String> = [
        "pm_card_authenticationRequired", "pm_card_threeDSecure2Required", "pm_card_authenticationRequiredOnSetup",
    ]

    static let declines: [String: ProviderIntent.Decline] = [
        "pm_card_chargeDeclined": .init(
            code: "card_declined", declineCode: "generic_decline", message: "Your card was declined."),
        "pm_card_chargeDeclinedInsufficientFunds": .init(
            code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds."),
        "pm_card_chargeDeclinedLostCard": .init(
            code: "card_declined", declineCode: "lost_card", message: "Your card was declined."),
        "pm_card_chargeDeclinedStolenCard": .init(
            code: "card_declined", declineCode: "stolen_card", message: "Your card was declined."),
        "pm_card_chargeDeclinedFraudulent": .init(
            code: "card_declined", declineCode: "fraudulent", message: "Your card was declined."),
        "pm_card_chargeDeclinedExpiredCard": .init(
            code: "expired_card", declineCode: nil, message: "Your card has expired."),
        "pm_card_chargeDeclinedIncorrectCvc": .init(
            code: "incorrect_cvc", declineCode: nil, message: "Your card's security code is incorrect."),
        "pm_card_chargeDeclinedProcessingError": .init(
            code: "processing_error", declineCode: nil,
            message: "An error occurred while processing your card. Try again in a little bit."),
    ]
}
