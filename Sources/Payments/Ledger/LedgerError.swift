import Platform
import Vapor

/// Why the ledger refused a batch of transfers; nothing of the batch was posted.
public enum LedgerError: CodedError, Equatable {
    /// A transfer broke one of `TransferRequest.problems`.
    case invalidTransfer([String])
    /// The idempotency key was used before for a different movement.
    case keyReused(String)
    /// The account holds less than the transfer takes from it.
    case insufficientFunds(account: String)

    public var status: HTTPResponseStatus {
        switch self {
        case .invalidTransfer: .unprocessableEntity
        case .keyReused, .insufficientFunds: .conflict
        }
    }

    public var code: String {
        switch self {
        case .invalidTransfer: "INVALID_TRANSFER"
        case .keyReused: "IDEMPOTENCY_KEY_REUSED"
        case .insufficientFunds: "INSUFFICIENT_FUNDS"
        }
    }

    public var reason: String {
        switch self {
        case .invalidTransfer: "The transfer does not balance or is malformed"
        case .keyReused(let key): "The idempotency key \(key) was used for another transfer"
        case .insufficientFunds(let account): "The account \(account) holds too little for this transfer"
        }
    }

    public var details: [String] {
        if case .invalidTransfer(let problems) = self { return problems }
        return []
    }
}
