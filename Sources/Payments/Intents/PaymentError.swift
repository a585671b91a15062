import Platform
import Vapor

public enum PaymentError: CodedError, Equatable {
    /// The card was declined; the code names the reason where it is safe to tell the payer.
    case declined(ProviderIntent.Decline)
    /// The provider does not know the payment method.
    case invalidPaymentMethod(String)
    case intentNotFound
    /// The intent is not in a status that allows the call (confirming a failed one, cancelling a paid one).
    case invalidState(PaymentIntentStatus, action: String)
    /// The 15 minutes for the authentication step are over; the intent was cancelled.
    case authenticationExpired
    /// Another payment for the same offer is still waiting for the customer.
    case paymentInProgress(UUID)
    /// The provider could not be reached; nothing was booked, and retrying with the same key is safe.
    case providerUnavailable
    /// The provider refused the call for a reason of its own.
    case providerRefused(String)

    public var status: HTTPResponseStatus {
        switch self {
        case .declined: .paymentRequired
        case .invalidPaymentMethod: .unprocessableEntity
        case .intentNotFound: .notFound
        case .invalidState, .authenticationExpired, .paymentInProgress: .conflict
        case .providerUnavailable: .serviceUnavailable
        case .providerRefused: .badGateway
        }
    }

    public var code: String {
        switch self {
        case .declined(let decline): Self.declineCode(decline)
        case .invalidPaymentMethod: "INVALID_PAYMENT_METHOD"
        case .intentNotFound: "PAYMENT_INTENT_NOT_FOUND"
        case .invalidState: "INVALID_STATE_TRANSITION"
        case .authenticationExpired: "PAYMENT_AUTHENTICATION_EXPIRED"
        case .paymentInProgress: "PAYMENT_IN_PROGRESS"
        case .providerUnavailable: "PAYMENT_PROVIDER_UNAVAILABLE"
        case .providerRefused: "PAYMENT_PROVIDER_ERROR"
        }
    }

    public var reason: String {
        switch self {
        case .declined(let decline):
            Self.declineCode(decline) == "CARD_DECLINED" ? "Your card was declined." : decline.message
        case .invalidPaymentMethod: "The payment method is not known to the payment provider"
        case .intentNotFound: "Payment intent not found"
        case .invalidState(let status, let action): "A \(status.rawValue) payment cannot be \(action)"
        case .authenticationExpired: "The time to authenticate this payment is over; the payment was cancelled"
        case .paymentInProgress: "A payment for this offer is waiting for authentication; confirm or cancel it first"
        case .providerUnavailable: "The payment provider cannot be reached; try again"
        case .providerRefused(let message): "The payment provider refused the call: \(message)"
        }
    }

    public var details: [String] {
        switch self {
        case .invalidPaymentMethod(let method): ["paymentMethod \(method) is not known"]
        case .paymentInProgress(let id): ["paymentIntentId \(id.uuidString.lowercased())"]
        default: []
        }
    }

    /// Stripe advises telling a payer only "declined" for lost, stolen and suspected-fraud cards.
    static func declineCode(_ decline: ProviderIntent.Decline) -> String {
        switch decline.declineCode ?? decline.code {
        case "insufficient_funds": "INSUFFICIENT_FUNDS"
        case "expired_card": "EXPIRED_CARD"
        case "incorrect_cvc": "INCORRECT_CVC"
        case "processing_error": "CARD_PROCESSING_ERROR"
        default: "CARD_DECLINED"
        }
    }
}
