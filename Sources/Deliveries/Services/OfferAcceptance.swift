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

        let acceptor = DeliveryBooking.Acceptor(
            userId: actor?.userId, role: actor.map { $0.isAdmin ? .admin : .customer } ?? .system, automatic: automatic)
        let delivery = try await DeliveryBooking.book(
            offer, for: request, number: DeliveryNumber.make(), specialRequests: specialRequests, acceptedBy: acceptor,
            at: now, db: db, application: req.application, requestId: req.requestId)
        return try AcceptedDelivery(delivery, automatic: automatic)
    }
}
