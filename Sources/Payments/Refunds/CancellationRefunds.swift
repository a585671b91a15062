import Fluent
import Foundation
import Platform

/// Refunding a cancelled delivery by the cancellation policy, in the cancellation's transaction: escrow resolves
/// once (the customer's share to refunds, the traveler's compensation to their pending balance), the processing
/// fee comes back when the rule says, and a `refunds` row queues the card refund, which the provider is asked
/// for after commit.
public struct CancellationRefunds: Sendable {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    public func refund(_ event: DeliveryCancelled) async throws {
        guard
            let escrow = try await EscrowAccount.query(on: context.db).filter(\.$deliveryId == event.deliveryId)
                .first(),
            escrow.status == .held || escrow.status == .frozen,
            let intentId = escrow.paymentIntentId,
            let intent = try await PaymentIntent.find(intentId, on: context.db)
        else { return }
        let rules = try await CancellationPolicyRule.query(on: context.db).all()
        let hoursBefore = (event.pickupDueAt ?? .distantFuture).timeIntervalSince(context.now) / 3600
        guard
            let rule = CancellationPolicyRule.applicable(
                rules, cancelledBy: event.cancelledByRole, hoursBefore: hoursBefore)
        else {
            context.logger.warning("no cancellation policy for \(event.cancelledByRole); escrow stays held")
            return
        }
        let shares = rule.shares(of: escrow.amount)
        _ = try await EscrowLedger(context: context).refund(
            try escrow.requireID(), shares, travelerId: event.travelerId,
            reason: "Cancelled by the \(event.cancelledByRole): \(rule.description)")
        let feeRefund = rule.refundsProcessingFee ? intent.processingFee : 0
        if feeRefund > 0 {
            try await Ledger(context: context).post(
                .move(
                    feeRefund, from: LedgerAccountRef(.processingFees, currency: intent.currency),
                    to: LedgerAccountRef(.refunds, owner: intent.customerId, currency: intent.currency),
                    key: "intent:\(intentId):fee-refund",
                    cause: TransferCause(
                        "processing_fee_refunded", referenceType: "payment_intent", referenceId: intentId)))
        }
        try await RefundQueue(context: context).queue(
            intent, deliveryId: event.deliveryId, reason: .cancellation, customerShare: shares.customer,
            travelerShare: shares.traveler, feeRefund: feeRefund, description: rule.description)
    }
}
