import Platform
import Vapor

public enum EscrowError: CodedError, Equatable {
    case notFound
    /// The escrow is not in a status from which the move is allowed (already resolved, or not frozen for a split).
    case invalidTransition(from: EscrowStatus, to: EscrowStatus)
    /// The shares of a resolution do not add up to what is held, or one is negative.
    case sharesDoNotAddUp([String])

    public var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .invalidTransition: .conflict
        case .sharesDoNotAddUp: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .notFound: "ESCROW_NOT_FOUND"
        case .invalidTransition: "INVALID_STATE_TRANSITION"
        case .sharesDoNotAddUp: "INVALID_ESCROW_SHARES"
        }
    }

    public var reason: String {
        switch self {
        case .notFound: "Escrow not found"
        case .invalidTransition(let from, let to): "A \(from.rawValue) escrow cannot become \(to.rawValue)"
        case .sharesDoNotAddUp: "The shares must be zero or more and add up to the amount held"
        }
    }

    public var details: [String] {
        if case .sharesDoNotAddUp(let problems) = self { return problems }
        return []
    }
}
