import Foundation
import Platform

/// How a resolved escrow's money is divided: the traveler's earnings, the platform's commission and what goes
/// back to the customer. The three add up to what is held.
public struct EscrowShares: Equatable, Sendable {
    public var traveler: Int64
    public var commission: Int64
    public var customer: Int64

    public init(traveler: Int64, commission: Int64, customer: Int64) {
        self.traveler = traveler
        self.commission = commission
        self.customer = customer
    }

    /// A release: everything but the commission to the traveler.
    public static func release(of amount: Int64, commission: Int64) -> EscrowShares {
        EscrowShares(traveler: amount - commission, commission: commission, customer: 0)
    }

    /// A full refund.
    public static func refund(of amount: Int64) -> EscrowShares {
        EscrowShares(traveler: 0, commission: 0, customer: amount)
    }

    public func problems(holding amount: Int64) -> [String] {
        var check = RuleCheck()
        check.require(traveler >= 0 && commission >= 0 && customer >= 0, "no share may be negative")
        let (partial, overflowA) = traveler.addingReportingOverflow(commission)
        let (sum, overflowB) = partial.addingReportingOverflow(customer)
        check.require(!overflowA && !overflowB && sum == amount, "the shares must add up to \(amount)")
        return check.problems
    }
}
