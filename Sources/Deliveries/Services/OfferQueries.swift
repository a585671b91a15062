import Auth
import Fluent
import Foundation
import Platform

/// Who may read which offers: the request's customer and admins see every offer on it, a traveler only their
/// own; anyone else is told the offer does not exist.
struct OfferQueries {
    let context: CallContext

    /// The offers on a request the principal may see, cheapest first.
    func offers(
        on requestId: DeliveryRequestID, visibleTo principal: Principal, page: PageQuery
    ) async throws -> ListPage<DeliveryOffer> {
        let request = try await DeliveryRequestService(context: context).visibleRequest(requestId, to: principal)
        let query = DeliveryOffer.query(on: context.db).filter(\.$request.$id == requestId.uuid)
        if request.$customer.id != principal.userId && !principal.isAdmin {
            query.filter(\.$traveler.$id == principal.userId)
        }
        return try await query.sort(\.$price).sort(\.$createdAt).page(page)
    }

    /// A traveler's own offers, newest first.
    func offers(by travelerId: UUID, status: OfferStatus?, page: PageQuery) async throws -> ListPage<DeliveryOffer> {
        let query = DeliveryOffer.query(on: context.db).filter(\.$traveler.$id == travelerId)
        if let status { query.filter(\.$status == status) }
        return try await query.sort(\.$createdAt, .descending).page(page)
    }

    func offer(_ offerId: OfferID, visibleTo principal: Principal) async throws -> DeliveryOffer {
        guard let offer = try await DeliveryOffer.find(offerId.uuid, on: context.db),
            let request = try await DeliveryRequest.find(offer.$request.id, on: context.db),
            offer.$traveler.id == principal.userId || request.$customer.id == principal.userId || principal.isAdmin
        else { throw DeliveriesError.offerNotFound }
        return offer
    }
}
