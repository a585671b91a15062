import Platform
import Vapor

public enum PayoutError: CodedError, Equatable {
    case accountNotFound
    case accountExists
    /// The account still has requirements to finish at the provider.
    case accountNotReady(requirements: [String])
    case belowMinimum(minimum: Int64, currency: String)
    case insufficientBalance(available: Int64)
    case payoutNotFound

    public var status: HTTPResponseStatus {
        switch self {
        case .accountNotFound, .payoutNotFound: .notFound
        case .accountExists, .accountNotReady, .insufficientBalance: .conflict
        case .belowMinimum: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .accountNotFound: "PAYOUT_ACCOUNT_NOT_FOUND"
        case .accountExists: "PAYOUT_ACCOUNT_EXISTS"
        case .accountNotReady: "PAYOUT_ACCOUNT_NOT_READY"
        case .belowMinimum: "PAYOUT_BELOW_MINIMUM"
        case .insufficientBalance: "INSUFFICIENT_FUNDS"
        case .payoutNotFound: "PAYOUT_NOT_FOUND"
        }
    }

    public var reason: String {
        switch self {
        case .accountNotFound: "Set up a payout account first"
        case .accountExists: "You already have a payout account in this currency"
        case .accountNotReady: "Your payout account has requirements to finish"
        case .belowMinimum(let minimum, let currency): "A payout must be at least \(minimum) minor units of \(currency)"
        case .insufficientBalance(let available): "Only \(available) minor units are available to pay out"
        case .payoutNotFound: "Payout not found"
        }
    }

    public var details: [String] {
        if case .accountNotReady(let requirements) = self { return requirements.map { "requirement: \($0)" } }
        return []
    }
}
