import Fluent
import Platform
import Vapor

/// Ends pending offers that can no longer be accepted, each with its `OfferClosed` event.
///
/// Built with a transaction's context, so the closings commit with the change that caused them.
struct OfferClosing {
    let context: CallContext

    /// Closes every pending offer of `request` (except `keeping`).
    func closePending(
        of request: DeliveryRequest, except keeping: UUID? = nil, outcome: OfferStatus, reason: String
    ) async throws {
        let query = DeliveryOffer.query(on: context.db).filter(\.$request.$id == (try request.requireID())).filter(
            \.$status == .pending)
        if let keeping { query.filter(\.$id != keeping) }
        for offer in try await query.all() {
            try await close(offer, customerId: request.$customer.id, outcome: outcome, reason: reason)
        }
    }

    func close(_ offer: DeliveryOffer, customerId: UUID, outcome: OfferStatus, reason: String?) async throws {
        try offer.status.requireMove(to: outcome)
        offer.status = outcome
        if outcome == .declined {
            offer.declinedAt = context.now
            offer.declinedReason = reason
        }
        try await offer.save(on: context.db)
        try await context.publish(
            OfferClosed(
                offerId: try offer.requireID(), requestId: offer.$request.id, travelerId: offer.$traveler.id,
                customerId: customerId, outcome: outcome.rawValue, reason: reason))
    }
}
