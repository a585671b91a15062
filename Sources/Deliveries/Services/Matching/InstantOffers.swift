import Fluent
import Platform
import Trips
import Vapor

/// Trips with auto-accept on take requests that pay their threshold: when matching finds such a trip, the
/// platform makes the traveler's offer at once, at the trip's list price for the item but never under the
/// threshold, and only within the request's maximum. If the request's own auto-accept price covers it, the
/// offer is accepted in the same transaction and the delivery is booked.
struct InstantOffers {
    /// What happened: offers made for travelers, and the delivery if one was booked.
    struct Outcome {
        var offers: [UUID: UUID] = [:]
        var booked: AcceptedDelivery?
    }

    let req: Request

    func make(
        for request: MatchableRequest, matches: [MatchResponse], trips: [UUID: TripSnapshot]
    ) async throws
        -> Outcome
    {
        var outcome = Outcome()
        let requestId = request.id
        for match in matches {
            guard let trip = trips[match.tripId], trip.autoAccept, let threshold = trip.autoAcceptPrice,
                trip.currency.code == request.criteria.currency
            else { continue }
            let price = max(match.estimatedPrice.amount, threshold)
            guard price <= request.criteria.maxPrice, let times = times(for: request, on: trip) else { continue }
            let result: (UUID, AcceptedDelivery?)? = try await req.db.transaction { db in
                guard let current = try await DeliveryRequest.find(requestId, on: db), current.status == .pending else {
                    return nil
                }
                let live = try await DeliveryOffer.query(on: db).filter(\.$request.$id == requestId)
                    .filter(\.$traveler.$id == trip.travelerId).filter(\.$status == .pending).count()
                guard live == 0 else { return nil }
                let offer = DeliveryOffer(requestId: requestId, travelerId: trip.travelerId, tripId: match.tripId)
                offer.currency = request.criteria.currency
                offer.price = price
                offer.message = "Instant offer: this trip takes requests that pay its auto-accept price"
                offer.estimatedPickupTime = times.pickup
                offer.estimatedDeliveryTime = times.delivery
                offer.validUntil = min(req.now.addingTimeInterval(OfferRules.defaultValidity), request.expiresAt)
                try await offer.create(on: db)
                let offerId = try offer.requireID()
                try await req.publish(
                    OfferCreated(
                        offerId: offerId, requestId: requestId, travelerId: trip.travelerId,
                        customerId: request.customerId),
                    on: db)
                guard let autoAccept = request.autoAcceptPrice, price <= autoAccept else { return (offerId, nil) }
                return (
                    offerId,
                    try await OfferAcceptance(req: req).accept(
                        offerId, actor: nil, specialRequests: nil, automatic: true, on: db)
                )
            }
            guard let (offerId, booked) = result else { continue }
            outcome.offers[trip.travelerId] = offerId
            if let booked {
                outcome.booked = booked
                break
            }
        }
        return outcome
    }

    /// Pickup an hour before departure (inside the pickup window when it can be), delivery an hour after arrival
    /// (not before the delivery window opens); nil when the trip leaves too soon to collect the item.
    private func times(for request: MatchableRequest, on trip: TripSnapshot) -> (pickup: Date, delivery: Date)? {
        let pickup = min(trip.departureTime.addingTimeInterval(-3600), request.criteria.pickupWindow.upperBound)
        guard pickup > req.now else { return nil }
        let delivery = max(trip.arrivalTime.addingTimeInterval(3600), request.criteria.deliveryWindow.lowerBound)
        return (pickup, delivery)
    }
}
