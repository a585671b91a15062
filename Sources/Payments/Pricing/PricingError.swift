import Foundation
import Platform
import Vapor

/// The pricing engine's errors, each with a stable code.
public enum PricingError: CodedError {
    case factorNotFound
    case editConflict
    case noExchangeRate(from: String, to: String)

    public var status: HTTPResponseStatus {
        switch self {
        case .factorNotFound: .notFound
        case .editConflict: .conflict
        case .noExchangeRate: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .factorNotFound: "PRICING_FACTOR_NOT_FOUND"
        case .editConflict: "PRICING_FACTOR_EDIT_CONFLICT"
        case .noExchangeRate: "NO_EXCHANGE_RATE"
        }
    }

    public var details: [String] {
        switch self {
        case .noExchangeRate(let from, let to): ["currency: no exchange rate from \(from) to \(to)"]
        default: []
        }
    }

    public var reason: String {
        switch self {
        case .factorNotFound: "Pricing factor not found"
        case .editConflict: "Another edit of this pricing factor was saved first: read it again and retry"
        case .noExchangeRate(let from, let to): "No exchange rate from \(from) to \(to)"
        }
    }
}
