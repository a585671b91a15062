import Fluent
import Platform
import Trips
import Vapor

/// Moves deliveries through `DeliveryStatus.transitions`, recording each move in `delivery_events` and
/// publishing it. Cancelling gives the capacity back and reopens or closes the request.
struct DeliveryLifecycle {
    let application: Application
    let requestId: String?

    func move(
        _ delivery: Delivery, to next: DeliveryStatus, actor: UUID?, role: DeliveryStatus.Actor, reason: String?,
        metadata: [String: JSONValue] = [:], on db: any Database
    ) async throws {
        let previous = delivery.status
        try previous.requireMove(to: next, as: role)
        let now = application.clock.now()
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
        try await publish(
            DeliveryStatusChanged(
                deliveryId: deliveryId, customerId: delivery.$customer.id, travelerId: delivery.$traveler.id,
                from: previous.rawValue, to: next.rawValue, actorId: actor, reason: reason),
            on: db)
        if next == .cancelled { try await afterCancellation(delivery, role: role, reason: reason ?? "", on: db) }
    }

    private func afterCancellation(
        _ delivery: Delivery, role: DeliveryStatus.Actor, reason: String, on db: any Database
    )
        async throws
    {
        let now = application.clock.now()
        try await TripCapacity.release(forDelivery: try delivery.requireID(), db: db, now: now)
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
        try await publish(
            DeliveryCancelled(
                deliveryId: try delivery.requireID(), customerId: delivery.$customer.id,
                travelerId: delivery.$traveler.id, tripId: delivery.$trip.id, cancelledBy: delivery.cancelledBy,
                cancelledByRole: role.rawValue, reason: reason, finalPrice: delivery.finalPrice,
                currency: delivery.currency),
            on: db)
    }

    private func publish<Event: DomainEvent>(_ event: Event, on db: any Database) async throws {
        try await application.events.publish(event, on: db, application: application, requestId: requestId)
    }
}

extension Request {
    var deliveryLifecycle: DeliveryLifecycle { DeliveryLifecycle(application: application, requestId: requestId) }
}
