import Foundation
import Platform

/// How a dispute ends for the money at stake (`dispute_resolution_enum`).
public enum DisputeResolution: String, Codable, Sendable, CaseIterable {
    /// Everything at stake back to the customer.
    case fullRefund = "full_refund"
    /// `customerAmount` back to the customer; the rest released as usual (the traveler's share first).
    case partialRefund = "partial_refund"
    /// Released to the traveler as if nothing had happened.
    case release
    /// `travelerAmount` to the traveler, `customerAmount` to the customer, the rest to the platform.
    case split
}

/// The money at stake in a dispute and how its outcome divides it, to the minor unit.
public struct DisputeStake: Sendable, Equatable {
    /// All of it: escrow held, or the traveler's pending share plus the commission already taken.
    public var total: Int64
    /// What a plain release would give the platform.
    public var commission: Int64

    public init(total: Int64, commission: Int64) {
        self.total = total
        self.commission = commission
    }

    /// The division for `resolution`, or the broken rules.
    public func shares(
        _ resolution: DisputeResolution, customerAmount: Int64?, travelerAmount: Int64?
    ) throws -> EscrowShares {
        let shares: EscrowShares
        switch resolution {
        case .fullRefund: shares = .refund(of: total)
        case .release: shares = .release(of: total, commission: commission)
        case .partialRefund:
            guard let refund = customerAmount, refund > 0, refund <= total else {
                throw APIError.validation(["customerAmount must be more than 0 and at most \(total)"])
            }
            let traveler = max(0, total - commission - refund)
            shares = EscrowShares(traveler: traveler, commission: total - refund - traveler, customer: refund)
        case .split:
            guard let traveler = travelerAmount, let customer = customerAmount, traveler >= 0, customer >= 0,
                traveler + customer <= total
            else {
                throw APIError.validation([
                    "travelerAmount and customerAmount must be zero or more and add up to at most \(total)"
                ])
            }
            shares = EscrowShares(traveler: traveler, commission: total - traveler - customer, customer: customer)
        }
        let problems = shares.problems(holding: total)
        guard problems.isEmpty else { throw EscrowError.sharesDoNotAddUp(problems) }
        return shares
    }
}
