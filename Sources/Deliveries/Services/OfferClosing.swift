import Fluent
import Platform
import Vapor

/// Ends pending offers that can no longer be accepted, each with its `OfferClosed` event.
struct OfferClosing {
    let application: Application
    let requestId: String?

    /// Closes every pending offer of `request` (except `keeping`), on `db` (a transaction).
    func closePending(
        of request: DeliveryRequest, except keeping: UUID? = nil, outcome: OfferStatus, reason: String,
        on db: any Database
    ) async throws {
        let query = DeliveryOffer.query(on: db).filter(\.$request.$id == (try request.requireID())).filter(
            \.$status == .pending)
        if let keeping { query.filter(\.$id != keeping) }
        for offer in try await query.all() {
            try await close(offer, customerId: request.$customer.id, outcome: outcome, reason: reason, on: db)
        }
    }

    func close(
        _ offer: DeliveryOffer, customerId: UUID, outcome: OfferStatus, reason: String?, on db: any Database
    )
        async throws
    {
        try offer.status.requireMove(to: outcome)
        offer.status = outcome
        if outcome == .declined {
            offer.declinedAt = application.clock.now()
            offer.declinedReason = reason
        }
        try await offer.save(on: db)
        try await application.events.publish(
            OfferClosed(
                offerId: try offer.requireID(), requestId: offer.$request.id, travelerId: offer.$traveler.id,
                customerId: customerId, outcome: outcome.rawValue, reason: reason),
            on: db, application: application, requestId: requestId)
    }
}
