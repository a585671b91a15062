import Fluent
import Foundation
import Platform
import SQLKit

/// `POST /payments/webhooks/stripe`: each event verified by its signature, recorded by its id so that a repeat
/// is processed once, and applied to the platform's state. Handlers are idempotent themselves (conditional status
/// moves, keyed transfers), so an event whose processing failed is simply processed again on Stripe's retry.
public struct StripeWebhooks: Sendable {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    public enum Outcome: String, Sendable {
        case processed
        /// Seen and processed before.
        case duplicate
        /// A type the platform does not act on.
        case ignored
    }

    public func receive(_ event: StripeEvent) async throws -> Outcome {
        let recorded = try await context.db.sqlDatabase.raw(
            """
            INSERT INTO payment_webhook_events (id, provider, event_id, event_type, received_at)
            VALUES (\(bind: UUID()), 'stripe', \(bind: event.id), \(bind: event.type), \(bind: context.now))
            ON CONFLICT (provider, event_id) DO NOTHING RETURNING id
            """
        ).all()
        if recorded.isEmpty {
            let earlier = try await PaymentWebhookEvent.query(on: context.db).filter(\.$provider == "stripe")
                .filter(\.$eventId == event.id).first()
            if earlier?.processedAt != nil { return .duplicate }
        }
        let outcome = try await apply(event)
        try await PaymentWebhookEvent.query(on: context.db).filter(\.$provider == "stripe")
            .filter(\.$eventId == event.id).set(\.$processedAt, to: context.now).update()
        return outcome
    }

    private func apply(_ event: StripeEvent) async throws -> Outcome {
        switch (event.type, event.object) {
        case ("payment_intent.succeeded", .paymentIntent(let intent)),
            ("payment_intent.payment_failed", .paymentIntent(let intent)),
            ("payment_intent.canceled", .paymentIntent(let intent)),
            ("payment_intent.requires_action", .paymentIntent(let intent)):
            var answer = ProviderIntent(
                id: intent.id, status: intent.status, amount: intent.amount, currency: intent.currency,
                decline: intent.lastPaymentError)
            if event.type == "payment_intent.payment_failed", answer.status != .requiresPaymentMethod {
                answer.status = .requiresPaymentMethod
            }
            try await PaymentIntents(context: context).reconcile(answer)
        case ("charge.refunded", .refundedCharge(let charge)):
            try await OutsideRefunds(context: context).check(charge)
        case ("charge.dispute.created", .dispute(let dispute)):
            try await chargeback(dispute)
        case ("payout.paid", .payout(let reported)):
            if let ours = try await payout(matching: reported, on: event.account) {
                try await Payouts(context: context).markPaid(try ours.requireID())
            }
        case ("payout.failed", .payout(let reported)):
            if let ours = try await payout(matching: reported, on: event.account) {
                try await Payouts(context: context).fail(
                    try ours.requireID(), reason: reported.failureMessage ?? reported.failureCode ?? "The payout failed"
                )
            }
        case ("account.updated", .account(let account)):
            try await PayoutAccounts(context: context).update(
                providerAccountId: account.id,
                with: ProviderAccount(
                    id: account.id, payoutsEnabled: account.payoutsEnabled, requirements: account.requirements))
        default:
            return .ignored
        }
        return .processed
    }

    /// The platform's payout a `payout.*` event is about: by the provider's id when it is the one stored (an
    /// instant payout's), otherwise the oldest payout still on its way to that connected account for the same net
    /// amount (Stripe's scheduled bank payouts carry neither the transfer's id nor the platform's reference).
    private func payout(matching event: StripeEvent.Payout, on account: String?) async throws -> Payout? {
        if let exact = try await Payout.query(on: context.db).filter(\.$providerPayoutId == event.id).first() {
            return exact
        }
        guard let account,
            let payoutAccount = try await PayoutAccount.query(on: context.db)
                .filter(\.$providerAccountId == account).first()
        else { return nil }
        return try await Payout.query(on: context.db).filter(\.$payoutAccountId == payoutAccount.requireID())
            .filter(\.$status ~~ [.pending, .inTransit]).filter(\.$netAmount == event.amount)
            .sort(\.$createdAt).first()
    }

    /// A chargeback on one of the platform's charges becomes a dispute on its delivery.
    private func chargeback(_ dispute: StripeEvent.Dispute) async throws {
        guard let providerIntent = dispute.paymentIntent,
            let intent = try await PaymentIntent.query(on: context.db)
                .filter(\.$providerIntentId == providerIntent).first(),
            let deliveryId = intent.deliveryId
        else {
            context.logger.warning("stripe dispute \(dispute.id) on a charge the platform does not know")
            return
        }
        try await context.transaction { tx in
            try await tx.publish(
                ChargebackOpened(
                    paymentIntentId: try intent.requireID(), deliveryId: deliveryId, providerDisputeId: dispute.id,
                    amount: dispute.amount, currency: intent.currency, reason: dispute.reason))
        }
    }
}
