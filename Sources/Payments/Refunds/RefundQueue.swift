import Fluent
import Foundation
import Platform

/// Card refunds: recorded in the transaction that decided them, sent to the provider after it commits.
///
/// The ledger carries the refund at once (the money is the customer's from that moment); the provider call is a
/// durable job with the refund's id as its idempotency key, so retries after a timeout never refund twice.
public struct RefundQueue: Sendable {
    static let job = "payments.send-refund"

    struct Payload: Codable, Sendable {
        var refundId: UUID
    }

    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// Records a refund of `customerShare + feeRefund` and queues it; a zero refund records nothing.
    func queue(
        _ intent: PaymentIntent, deliveryId: UUID?, reason: RefundReason, customerShare: Int64, travelerShare: Int64,
        feeRefund: Int64, description: String
    ) async throws {
        let amount = customerShare + feeRefund
        guard amount > 0 else { return }
        let refund = Refund()
        refund.id = UUID()
        refund.paymentIntentId = try intent.requireID()
        refund.deliveryId = deliveryId
        refund.amount = amount
        refund.currency = intent.currency
        refund.reason = reason
        refund.status = .pending
        refund.customerRefund = customerShare
        refund.travelerCompensation = travelerShare
        refund.feeRefund = feeRefund
        refund.description = description
        refund.createdAt = context.now
        refund.updatedAt = context.now
        try await refund.create(on: context.db)
        try await context.publish(
            MemberMoneyRecorded(
                userId: intent.customerId, kind: .refunded, amount: amount, currency: intent.currency,
                deliveryId: deliveryId))
        let refunded = try await Refund.query(on: context.db).filter(\.$paymentIntentId == intent.requireID()).all()
            .reduce(Int64(0)) { $0 + $1.amount }
        try await PaymentIntents(context: context).move(
            try intent.requireID(), to: refunded >= intent.amount ? .refunded : .partiallyRefunded)
        try await context.enqueue(Self.job, payload: Payload(refundId: try refund.requireID()))
    }

    /// The job: asks the provider for the refund; a refusal is recorded for an admin, a temporary failure retried.
    func send(_ refundId: UUID) async throws {
        guard let refund = try await Refund.find(refundId, on: context.db), refund.status == .pending,
            let intent = try await PaymentIntent.find(refund.paymentIntentId, on: context.db),
            let providerIntent = intent.providerIntentId
        else { return }
        do {
            let answer = try await context.paymentProvider.refund(
                intent: providerIntent, amount: refund.amount, idempotencyKey: "refund:\(refundId)")
            refund.providerRefundId = answer.id
            refund.status = answer.status == .failed || answer.status == .canceled ? .failed : .succeeded
        } catch let error as PaymentProviderError where !error.isTemporary {
            refund.status = .failed
            refund.failureReason = error.message
        }
        refund.processedAt = context.now
        refund.updatedAt = context.now
        try await refund.save(on: context.db)
    }
}
