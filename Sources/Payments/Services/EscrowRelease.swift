import Fluent
import Foundation
import Platform

/// Releasing a delivery's escrow to its traveler: the traveler's price less the commission to their pending
/// balance, the commission (and any insurance premium) to the platform.
public struct EscrowRelease: Sendable {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// Releases the escrow of `deliveryId`, in the caller's transaction; a delivery without escrow (booked before
    /// payments existed) or one already resolved changes nothing.
    public func release(deliveryId: UUID, reason: String) async throws {
        guard let escrow = try await EscrowAccount.query(on: context.db).filter(\.$deliveryId == deliveryId).first(),
            escrow.status == .held,
            let intentId = escrow.paymentIntentId,
            let intent = try await PaymentIntent.find(intentId, on: context.db),
            let travelerId = intent.travelerId
        else { return }
        let commission = intent.platformFee + intent.insuranceFee
        _ = try await EscrowLedger(context: context).release(
            try escrow.requireID(), to: travelerId, commission: commission, reason: reason)
        try await context.publish(
            EscrowReleased(
                deliveryId: deliveryId, travelerId: travelerId, travelerEarnings: escrow.amount - commission,
                commission: commission, currency: escrow.currency))
    }
}
