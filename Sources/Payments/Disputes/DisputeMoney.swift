import Fluent
import Foundation
import Platform
import SQLKit

/// What a dispute does to the money of its delivery: opening it holds the money (escrow frozen before the drop,
/// the traveler's pending share after it), and its resolution divides what is held exactly once.
public struct DisputeMoney: Sendable {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// What a dispute holds.
    public enum Held: String, Codable, Sendable {
        /// The payment, still in escrow: frozen.
        case escrow
        /// Released already; the traveler's share is pending and no longer clears.
        case pendingShare = "pending_share"
        /// Nothing left to hold (never paid through the platform, or already cleared or resolved).
        case nothing
    }

    /// Holds the delivery's money for a dispute, in the dispute's transaction.
    public func hold(deliveryId: UUID) async throws -> Held {
        guard let escrow = try await escrow(of: deliveryId) else { return .nothing }
        switch escrow.status {
        case .held:
            _ = try await EscrowLedger(context: context).freeze(try escrow.requireID())
            return .escrow
        case .frozen: return .escrow
        case .released where escrow.clearedAt == nil:
            escrow.disputedAt = context.now
            try await escrow.save(on: context.db)
            return .pendingShare
        default: return .nothing
        }
    }

    /// The money at stake, for the resolution form.
    public func stake(deliveryId: UUID) async throws -> DisputeStake? {
        guard let escrow = try await escrow(of: deliveryId), let intent = try await intent(of: escrow) else {
            return nil
        }
        let commission = intent.platformFee + intent.insuranceFee
        switch escrow.status {
        case .frozen: return DisputeStake(total: escrow.amount, commission: commission)
        case .released where escrow.disputedAt != nil && escrow.clearedAt == nil:
            return DisputeStake(total: escrow.amount, commission: commission)
        default: return nil
        }
    }

    /// Carries out a dispute's outcome once; answers the shares, or nil when nothing was held.
    public func resolve(
        deliveryId: UUID, _ resolution: DisputeResolution, customerAmount: Int64?, travelerAmount: Int64?,
        travelerId: UUID, disputeId: UUID, reason: String
    ) async throws -> EscrowShares? {
        guard let escrow = try await escrow(of: deliveryId), let intent = try await intent(of: escrow),
            let stake = try await stake(deliveryId: deliveryId)
        else { return nil }
        let shares = try stake.shares(resolution, customerAmount: customerAmount, travelerAmount: travelerAmount)
        let escrowId = try escrow.requireID()
        if escrow.status == .frozen {
            let ledger = EscrowLedger(context: context)
            switch resolution {
            case .release:
                _ = try await ledger.release(escrowId, to: travelerId, commission: shares.commission, reason: reason)
            case .fullRefund: _ = try await ledger.refund(escrowId, reason: reason)
            case .partialRefund, .split:
                _ = try await ledger.split(escrowId, shares, travelerId: travelerId, reason: reason)
            }
        } else {
            try await redivideReleased(escrow, intent: intent, into: shares, stake: stake, reason: reason)
        }
        try await RefundQueue(context: context).queue(
            intent, deliveryId: deliveryId, reason: .dispute, customerShare: shares.customer,
            travelerShare: shares.traveler, feeRefund: 0, description: "Dispute \(disputeId): \(resolution.rawValue)")
        return shares
    }

    /// A released escrow's division redone: the traveler's pending share and the commission already taken give
    /// back what the outcome says, and what stays with the traveler becomes available at once (the dispute was
    /// the clearing period's purpose).
    private func redivideReleased(
        _ escrow: EscrowAccount, intent: PaymentIntent, into shares: EscrowShares, stake: DisputeStake, reason: String
    ) async throws {
        let id = try escrow.requireID()
        let marked = try await context.db.sqlDatabase.raw(
            """
            UPDATE escrow_accounts SET cleared_at = \(bind: context.now)
            WHERE id = \(bind: id) AND cleared_at IS NULL AND disputed_at IS NOT NULL RETURNING id
            """
        ).all()
        guard !marked.isEmpty, let travelerId = intent.travelerId else {
            throw EscrowError.invalidTransition(from: escrow.status, to: .split)
        }
        let currency = escrow.currency
        let earned = stake.total - stake.commission
        var legs = [
            TransferRequest.Leg(LedgerAccountRef(.travelerPending, owner: travelerId, currency: currency), -earned)
        ]
        if shares.traveler > 0 {
            legs.append(
                .init(LedgerAccountRef(.travelerAvailable, owner: travelerId, currency: currency), shares.traveler))
        }
        if shares.commission != stake.commission {
            legs.append(
                .init(LedgerAccountRef(.platformRevenue, currency: currency), shares.commission - stake.commission))
        }
        if shares.customer > 0 {
            legs.append(
                .init(LedgerAccountRef(.refunds, owner: escrow.customerId, currency: currency), shares.customer))
        }
        try await Ledger(context: context).post(
            TransferRequest(
                idempotencyKey: "escrow:\(id):dispute",
                cause: TransferCause("dispute_resolved", referenceType: "delivery", referenceId: escrow.deliveryId),
                legs: legs, description: reason))
        if shares.traveler != earned {
            try await context.publish(
                MemberMoneyRecorded(
                    userId: travelerId, kind: .earned, amount: shares.traveler - earned, currency: currency,
                    deliveryId: escrow.deliveryId))
        }
    }

    private func escrow(of deliveryId: UUID) async throws -> EscrowAccount? {
        try await EscrowAccount.query(on: context.db).filter(\.$deliveryId == deliveryId).first()
    }

    private func intent(of escrow: EscrowAccount) async throws -> PaymentIntent? {
        guard let id = escrow.paymentIntentId else { return nil }
        return try await PaymentIntent.find(id, on: context.db)
    }
}
