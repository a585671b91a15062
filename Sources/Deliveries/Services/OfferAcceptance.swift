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
    let context: CallContext

    /// The customer's (or an admin's) acceptance, in a transaction of its own.
    func accept(_ offer: OfferID, by actor: Principal, specialRequests: String?) async throws -> AcceptedDelivery {
        let offerId = offer.uuid
        return try await context.transaction { tx in
            try await OfferAcceptance(context: tx).book(
                offerId, actor: actor, specialRequests: specialRequests, automatic: false)
        }
    }

    /// An auto-accept rule's acceptance, inside the transaction that made the offer (this context's).
    func acceptAutomatically(_ offer: OfferID) async throws -> AcceptedDelivery {
        let offerId = offer.uuid
        return try await book(offerId, actor: nil, specialRequests: nil, automatic: true)
    }

    /// `actor` is nil when an auto-accept rule accepts.
    private func book(
        _ offerId: UUID, actor: Principal?, specialRequests: String?, automatic: Bool
    ) async throws -> AcceptedDelivery {
        let db = context.db
        guard let offer = try await DeliveryOffer.find(offerId, on: db),
            let request = try await DeliveryRequest.find(offer.$request.id, on: db)
        else { throw DeliveriesError.offerNotFound }
        if let actor, request.$customer.id != actor.userId, !actor.isAdmin {
            throw offer.$traveler.id == actor.userId ? DeliveriesError.notYourRequest : DeliveriesError.offerNotFound
        }
        guard offer.status == .pending else { throw DeliveriesError.offerNotPending(status: offer.status) }
        guard offer.validUntil > context.now else { throw DeliveriesError.offerExpired }
        guard request.status == .pending else { throw DeliveriesError.requestNotOpen(status: request.status) }
        let now = context.now
        let sql = try db.sqlDatabase
        let acceptedOffer = try await sql.raw(
            """
            UPDATE delivery_offers SET status = \(bind: OfferStatus.accepted.rawValue), accepted_at = \(bind: now), updated_at = \(bind: Date())
            WHERE id = \(bind: offerId) AND status = \(bind: OfferStatus.pending.rawValue) RETURNING id
            """
        ).all()
        guard !acceptedOffer.isEmpty else { throw DeliveriesError.offerNotPending(status: .accepted) }
        let matched = try await sql.raw(
            """
            UPDATE delivery_requests SET status = \(bind: DeliveryRequestStatus.matched.rawValue), updated_at = \(bind: Date())
            WHERE id = \(bind: request.requireID()) AND status = \(bind: DeliveryRequestStatus.pending.rawValue) RETURNING id
            """
        ).all()
        guard !matched.isEmpty else { throw DeliveriesError.requestNotOpen(status: .matched) }
        request.status = .matched
        try await OfferClosing(context: context).closePending(
            of: request, except: offerId, outcome: .declined, reason: "The customer accepted another offer")

        let acceptor = DeliveryBooking.Acceptor(
            userId: actor?.userId, role: actor.map { $0.isAdmin ? .admin : .customer } ?? .system, automatic: automatic)
        let delivery = try await DeliveryBooking.book(
            offer, for: request, number: DeliveryNumber.make(), specialRequests: specialRequests, acceptedBy: acceptor,
            context: context)
        return try AcceptedDelivery(delivery, automatic: automatic)
    }
}
