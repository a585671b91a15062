import Fluent
import Foundation
import Platform

/// A charge whose booking failed (the offer withdrawn, the capacity taken while the card was authenticated) goes
/// straight back to the card. When the provider cannot take the refund at that moment, the intent stays
/// `processing` and a durable job retries the refund until it does: a customer is never left charged for
/// nothing, and the scheduled sweep of abandoned authentications, which only reads `requires_action`, cannot
/// mistake the charge for an abandoned one.
extension PaymentIntents {
    static let unbookedRefundJob = "payments.refund-unbooked"

    struct UnbookedRefund: Codable, Sendable {
        var intentId: UUID
        var providerIntentId: String
        var reason: String
    }

    func refundUnbooked(_ intent: PaymentIntent, providerId: String, because error: any Error) async throws {
        let refund = UnbookedRefund(
            intentId: try intent.requireID(), providerIntentId: providerId,
            reason: "Refunded at once: the booking could not be made (\((error as? any CodedError)?.code ?? "ERROR"))")
        do {
            try await sendRefund(refund, amount: intent.amount)
        } catch {
            context.logger.error(
                "The refund of unbooked payment \(refund.intentId) failed; a job retries it",
                metadata: ["error": "\(String(reflecting: type(of: error)))"])
            try await context.transaction { tx in
                _ = try await PaymentIntents(context: tx).move(
                    refund.intentId, to: .processing, from: [.processing, .requiresAction]
                ) { row in
                    row.providerIntentId = providerId
                    row.failureReason = "The booking could not be made; the refund is being retried"
                }
                try await tx.enqueue(Self.unbookedRefundJob, payload: refund, maxAttempts: 20)
            }
        }
    }

    /// The job: the refund again, under the same idempotency key, so a refund the provider did take before a
    /// timeout is not made twice.
    func retryUnbookedRefund(_ refund: UnbookedRefund) async throws {
        guard let intent = try await PaymentIntent.find(refund.intentId, on: context.db),
            intent.status == .processing
        else { return }
        try await sendRefund(refund, amount: intent.amount)
    }

    private func sendRefund(_ refund: UnbookedRefund, amount: Int64) async throws {
        _ = try await context.paymentProvider.refund(
            intent: refund.providerIntentId, amount: amount, idempotencyKey: "intent:\(refund.intentId):unbooked-refund"
        )
        try await move(refund.intentId, to: .refunded, from: [.processing, .requiresAction]) { row in
            row.providerIntentId = refund.providerIntentId
            row.failureReason = refund.reason
            row.failedAt = context.now
        }
    }
}
