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

    /// How long after a drop recorded without the recipient's code (an admin's record) escrow waits for a
    /// dispute before it releases by itself.
    public static let holdAfterDelivery: TimeInterval = 48 * 3600

    /// Starts the hold period of a delivery whose drop was recorded without its code.
    public func startHold(deliveryId: UUID) async throws {
        guard let escrow = try await EscrowAccount.query(on: context.db).filter(\.$deliveryId == deliveryId).first(),
            escrow.status == .held, escrow.holdUntil == nil
        else { return }
        escrow.holdUntil = context.now.addingTimeInterval(Self.holdAfterDelivery)
        escrow.autoReleaseEnabled = true
        escrow.releaseCondition = "hold_period"
        escrow.updatedAt = context.now
        try await escrow.save(on: context.db)
    }

    /// Releases every held escrow whose hold period passed with no dispute (a frozen escrow is not held).
    @discardableResult
    public func releaseDue(limit: Int = 200) async throws -> Int {
        let due = try await EscrowAccount.query(on: context.db).filter(\.$status == .held)
            .filter(\.$autoReleaseEnabled == true).filter(\.$holdUntil <= context.now).limit(limit).all()
        for escrow in due {
            try await context.transaction { tx in
                try await EscrowRelease(context: tx).release(
                    deliveryId: escrow.deliveryId, reason: "The hold period after delivery passed with no dispute")
            }
        }
        return due.count
    }
}
