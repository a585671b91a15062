import Fluent
import Foundation
import Platform

/// `charge.refunded` compared with what the platform refunded itself. Refunds the platform asks for are on its
/// ledger before the provider is called; a refund made at the provider directly (from Stripe's dashboard) moved
/// money the ledger does not show. It is recorded in the audit log for an admin to reconcile, not posted:
/// whose money it was (still in escrow, already the traveler's, the platform's fee) is a decision, not a rule.
struct OutsideRefunds: Sendable {
    let context: CallContext

    static let auditAction = "refund_outside_platform"

    func check(_ charge: StripeEvent.RefundedCharge) async throws {
        guard let providerIntent = charge.paymentIntent,
            let intent = try await PaymentIntent.query(on: context.db)
                .filter(\.$providerIntentId == providerIntent).first()
        else {
            context.logger.warning("stripe charge \(charge.id) refunded, on a payment the platform does not know")
            return
        }
        let refundedByPlatform = try await refunded(intent)
        guard charge.amountRefunded > refundedByPlatform else { return }
        context.logger.warning(
            "stripe charge \(charge.id) refunded \(charge.amountRefunded) of \(charge.amount), the platform \(refundedByPlatform): refunded outside the platform"
        )
        try await AuditTrail.record(
            Self.auditAction, category: "payments", userId: intent.customerId, entityType: "payment_intent",
            entityId: try intent.requireID().uuidString,
            metadata: [
                "charge": charge.id, "currency": intent.currency, "refundedAtProvider": String(charge.amountRefunded),
                "refundedByPlatform": String(refundedByPlatform),
            ], context: context)
    }

    /// What the platform has refunded of the payment, or is refunding: all of it once the intent is `refunded`
    /// (a booking that could not be made is refunded without a `refunds` row), otherwise its refunds that have
    /// not failed.
    private func refunded(_ intent: PaymentIntent) async throws -> Int64 {
        if intent.status == .refunded { return intent.amount }
        let refunds = try await Refund.query(on: context.db).filter(\.$paymentIntentId == intent.requireID())
            .filter(\.$status != .failed).all()
        return refunds.reduce(0) { $0 + $1.amount }
    }
}
