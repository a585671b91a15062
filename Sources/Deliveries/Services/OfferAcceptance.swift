import Fluent
import Platform
import SQLKit
import Trips
import Vapor

/// Accepting an offer: one transaction that accepts it, declines the request's other offers, matches the
/// request, creates the delivery, reserves the trip's capacity and publishes `OfferAccepted`.
///
/// Every state change is a conditional update, so two accepts racing on one offer, one request or the last
/// capacity of one trip end with exactly one winner; the loser's transaction rolls back whole and answers 409.
struct OfferAcceptance {
    let req: Request

    /// `actor` is the accepting customer, nil when an auto-accept rule accepts.
    func accept(
        _ offerId: UUID, actor: Principal?, specialRequests: String?, automatic: Bool, on db: any Database
    )
        async throws -> AcceptedDelivery
    {
        guard let offer = try await DeliveryOffer.find(offerId, on: db),
            let request = try await DeliveryRequest.find(offer.$request.id, on: db)
        else { throw DeliveriesError.offerNotFound }
        if let actor, request.$customer.id != actor.userId, !actor.isAdmin {
            throw offer.$traveler.id == actor.userId ? DeliveriesError.notYourRequest : DeliveriesError.offerNotFound
        }
        guard offer.status == .pending else { throw DeliveriesError.offerNotPending(status: offer.status) }
        guard offer.validUntil > req.now else { throw DeliveriesError.offerExpired }
        guard request.status == .pending else { throw DeliveriesError.requestNotOpen(status: request.status) }
        let now = req.now
        let sql = try db.sqlDatabase
        let acceptedOffer = try await sql.raw(
            """
            UPDATE delivery_offers SET status = 'accepted', accepted_at = \(bind: now), updated_at = \(bind: Date())
            WHERE id = \(bind: offerId) AND status = 'pending' RETURNING id
            """
        ).all()
        guard !acceptedOffer.isEmpty else { throw DeliveriesError.offerNotPending(status: .accepted) }
        let matched = try await sql.raw(
            """
            UPDATE delivery_requests SET status = 'matched', updated_at = \(bind: Date())
            WHERE id = \(bind: request.requireID()) AND status = 'pending' RETURNING id
            """
        ).all()
        guard !matched.isEmpty else { throw DeliveriesError.requestNotOpen(status: .matched) }
        request.status = .matched
        try await OfferClosing(application: req.application, requestId: req.requestId).closePending(
            of: request, except: offerId, outcome: .declined, reason: "The customer accepted another offer", on: db)

        let delivery = Delivery()
        delivery.$request.id = try request.requireID()
        delivery.$offer.id = offerId
        delivery.$customer.id = request.$customer.id
        delivery.$traveler.id = offer.$traveler.id
        delivery.$trip.id = offer.$trip.id
        delivery.deliveryNumber = DeliveryNumber.make()
        delivery.status = .accepted
        delivery.finalPrice = offer.price
        delivery.currency = offer.currency
        delivery.specialRequests = specialRequests
        delivery.acceptedAt = now
        delivery.pickupScheduledAt = offer.estimatedPickupTime
        delivery.deliveryScheduledAt = offer.estimatedDeliveryTime
        try await delivery.create(on: db)
        let deliveryId = try delivery.requireID()
        try await TripCapacity.reserve(
            request.capacityNeeded, on: offer.$trip.id, for: deliveryId, by: request.$customer.id,
            note: delivery.deliveryNumber, db: db, now: now)
        try await DeliveryEvent(
            deliveryId: deliveryId, from: nil, to: .accepted, actorId: actor?.userId,
            role: actor == nil ? .system : (actor!.isAdmin ? .admin : .customer),
            reason: automatic ? "Accepted automatically under the auto-accept price" : nil, at: now
        ).create(on: db)
        try await req.publish(
            OfferAccepted(
                offerId: offerId, requestId: delivery.$request.id, deliveryId: deliveryId,
                deliveryNumber: delivery.deliveryNumber, customerId: delivery.$customer.id,
                travelerId: delivery.$traveler.id, tripId: delivery.$trip.id, finalPrice: delivery.finalPrice,
                currency: delivery.currency, automatic: automatic),
            on: db)
        return try AcceptedDelivery(delivery, automatic: automatic)
    }
}
