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

    func make(for request: DeliveryRequest, matches: [MatchResponse]) async throws -> Outcome {
        var outcome = Outcome()
        let ids = matches.map(\.tripId)
        guard !ids.isEmpty else { return outcome }
        let trips = try await Trip.query(on: req.db).filter(\.$id ~~ ids).filter(\.$autoAccept == true).all()
        let requestId = try request.requireID()
        for match in matches {
            guard let trip = trips.first(where: { $0.id == match.tripId }), let threshold = trip.autoAcceptPrice,
                trip.currency == request.currency
            else { continue }
            let price = max(match.estimatedPrice.amount, threshold)
            guard price <= request.maxPrice, let times = times(for: request, on: trip) else { continue }
            let result: (UUID, AcceptedDelivery?)? = try await req.db.transaction { db in
                guard let current = try await DeliveryRequest.find(requestId, on: db), current.status == .pending else {
                    return nil
                }
                let live = try await DeliveryOffer.query(on: db).filter(\.$request.$id == requestId)
                    .filter(\.$traveler.$id == trip.$traveler.id).filter(\.$status == .pending).count()
                guard live == 0 else { return nil }
                let offer = DeliveryOffer(requestId: requestId, travelerId: trip.$traveler.id, tripId: match.tripId)
                offer.currency = request.currency
                offer.price = price
                offer.message = "Instant offer: this trip takes requests that pay its auto-accept price"
                offer.estimatedPickupTime = times.pickup
                offer.estimatedDeliveryTime = times.delivery
                offer.validUntil = min(req.now.addingTimeInterval(OfferRules.defaultValidity), request.expiresAt)
                try await offer.create(on: db)
                let offerId = try offer.requireID()
                try await req.publish(
                    OfferCreated(
                        offerId: offerId, requestId: requestId, travelerId: trip.$traveler.id,
                        customerId: request.$customer.id),
                    on: db)
                guard let autoAccept = request.autoAcceptPrice, price <= autoAccept else { return (offerId, nil) }
                return (
                    offerId,
                    try await OfferAcceptance(req: req).accept(
                        offerId, actor: nil, specialRequests: nil, automatic: true, on: db)
                )
            }
            guard let (offerId, booked) = result else { continue }
            outcome.offers[trip.$traveler.id] = offerId
            if let booked {
                outcome.booked = booked
                break
            }
        }
        return outcome
    }

    /// Pickup an hour before departure (inside the pickup window when it can be), delivery an hour after arrival
    /// (not before the delivery window opens); nil when the trip leaves too soon to collect the item.
    private func times(for request: DeliveryRequest, on trip: Trip) -> (pickup: Date, delivery: Date)? {
        let pickup = min(trip.departureTime.addingTimeInterval(-3600), request.pickupTimeEnd)
        guard pickup > req.now else { return nil }
        let delivery = max(trip.arrivalTime.addingTimeInterval(3600), request.deliveryTimeStart)
        return (pickup, delivery)
    }
}
