import Foundation

/// What an account holds. Sources stand for money outside the platform (a customer's card, the provider's
/// settlement) and go negative as money comes in; every other account holds money for someone and never drops
/// below zero.
public enum LedgerAccountKind: String, Codable, Sendable, CaseIterable {
    /// What a customer has paid in through the provider, per currency (a source).
    case customerFunding = "customer_funding"
    /// Money held for one delivery until it is released, refunded or split.
    case escrow
    /// A traveler's earnings in their clearing period.
    case travelerPending = "traveler_pending"
    /// A traveler's earnings they may pay out.
    case travelerAvailable = "traveler_available"
    /// What has left for a traveler's bank through a payout (a sink, reached only by payouts).
    case travelerPaidOut = "traveler_paid_out"
    case platformRevenue = "platform_revenue"
    case processingFees = "processing_fees"
    /// Money returned to customers (a sink).
    case refunds
    /// Credit the platform grants (a source).
    case promotionalCredit = "promotional_credit"

    /// Whether the account stands for money outside the platform, whose balance may be negative.
    public var isSource: Bool {
        switch self {
        case .customerFunding, .promotionalCredit: true
        default: false
        }
    }
}

/// One account: its kind, whose it is (a delivery for escrow, a user for a traveler's or customer's account,
/// nobody for the platform's own) and its currency. The code names it uniquely and readably.
public struct LedgerAccountRef: Hashable, Sendable {
    public var kind: LedgerAccountKind
    public var ownerId: UUID?
    public var currency: String

    public init(_ kind: LedgerAccountKind, owner ownerId: UUID? = nil, currency: String) {
        self.kind = kind
        self.ownerId = ownerId
        self.currency = currency.uppercased()
    }

    public var code: String {
        [kind.rawValue, ownerId?.uuidString.lowercased(), currency].compactMap { $0 }.joined(separator: ":")
    }
}
