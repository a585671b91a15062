import Fluent
import Platform
import QRCodes
import Trips
import Vapor

/// Moves deliveries through `DeliveryStatus.transitions`, recording each move in `delivery_events` and
/// publishing it. Cancelling gives the capacity back and reopens or closes the request.
///
/// Built with a transaction's context: a move, its history row and its events commit together.
struct DeliveryLifecycle {
    let context: CallContext

    func move(
        _ delivery: Delivery, to next: DeliveryStatus, actor: UUID?, role: DeliveryStatus.Actor, reason: String?,
        metadata: [String: JSONValue] = [:]
    ) async throws {
        let db = context.db
        let previous = delivery.status
        try previous.requireMove(to: next, as: role)
        let now = context.now
        switch next {
        case .pickupReady: delivery.pickupScheduledAt = delivery.pickupScheduledAt ?? now
        case .pickedUp:
            delivery.pickupCompletedAt = now
            if !metadata.isEmpty { delivery.pickupVerification = metadata }
        case .inTransit: delivery.inTransitAt = now
        case .delivered:
            delivery.deliveryCompletedAt = now
            if !metadata.isEmpty { delivery.deliveryVerification = metadata }
        case .completed: delivery.completedAt = now
        case .cancelled:
            delivery.cancelledAt = now
            delivery.cancellationReason = reason
            delivery.cancelledBy = actor
        case .accepted, .rated, .disputed, .refunded: break
        }
        delivery.status = next
        try await delivery.save(on: db)
        let deliveryId = try delivery.requireID()
        try await DeliveryEvent(
            deliveryId: deliveryId, from: previous, to: next, actorId: actor, role: role, reason: reason,
            metadata: metadata, at: now
        ).create(on: db)
        try await context.publish(
            DeliveryStatusChanged(
                deliveryId: deliveryId, customerId: delivery.$customer.id, travelerId: delivery.$traveler.id,
                from: previous.rawValue, to: next.rawValue, actorId: actor, reason: reason))
        if next == .cancelled { try await afterCancellation(delivery, role: role, reason: reason ?? "") }
    }

    private func afterCancellation(_ delivery: Delivery, role: DeliveryStatus.Actor, reason: String) async throws {
        let db = context.db
        let now = context.now
        try await TripCapacity.release(forDelivery: DeliveryID(try delivery.requireID()), db: db, now: now)
        try await QRCodeIssuer(context: context).revokeAll(of: try delivery.requireID(), reason: "Delivery cancelled")
        if let request = try await DeliveryRequest.find(delivery.$request.id, on: db), request.status == .matched {
            // The customer no longer wants it; anyone else leaving reopens the request for other travelers.
            if role == .customer {
                request.status = .cancelled
                request.cancelledAt = now
                request.cancellationReason = reason
            } else {
                request.status = request.expiresAt > now ? .pending : .expired
            }
            try await request.save(on: db)
        }
        try await context.publish(
            DeliveryCancelled(
                deliveryId: try delivery.requireID(), customerId: delivery.$customer.id,
                travelerId: delivery.$traveler.id, tripId: delivery.$trip.id, cancelledBy: delivery.cancelledBy,
                cancelledByRole: role.rawValue, reason: reason, finalPrice: delivery.finalPrice,
                currency: delivery.currency, pickupDueAt: try await pickupDue(of: delivery)))
    }
}

extension DeliveryLifecycle {
    /// When the pickup was due: the scheduled pickup, or the end of the request's pickup window.
    fileprivate func pickupDue(of delivery: Delivery) async throws -> Date? {
        if let scheduled = delivery.pickupScheduledAt { return scheduled }
        return try await DeliveryRequest.find(delivery.$request.id, on: context.db)?.pickupTimeEnd
    }
}
