import Fluent
import Platform
import Trips
import Vapor

/// The part of accepting an offer that books the delivery: the `deliveries` row, the trip capacity it holds,
/// the history's first entry and `OfferAccepted`. Callers have already moved the offer and the request.
public enum DeliveryBooking {
    /// Who accepted: the customer, an admin, or an auto-accept rule (`system`).
    public struct Acceptor: Sendable {
        public var userId: UUID?
        public var role: DeliveryStatus.Actor
        public var automatic: Bool

        public init(userId: UUID?, role: DeliveryStatus.Actor, automatic: Bool) {
            self.userId = userId
            self.role = role
            self.automatic = automatic
        }
    }

    /// Books `offer` for `request` on the context's transaction; throws 409s from the capacity reservation.
    public static func book(
        _ offer: DeliveryOffer, for request: DeliveryRequest, number: String, specialRequests: String? = nil,
        acceptedBy acceptor: Acceptor, context: CallContext
    ) async throws -> Delivery {
        let db = context.db
        let now = context.now
        let delivery = Delivery()
        delivery.$request.id = try request.requireID()
        delivery.$offer.id = try offer.requireID()
        delivery.$customer.id = request.$customer.id
        delivery.$traveler.id = offer.$traveler.id
        delivery.$trip.id = offer.$trip.id
        delivery.deliveryNumber = number
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
            request.capacityNeeded, on: TripID(offer.$trip.id), for: DeliveryID(deliveryId),
            by: UserID(request.$customer.id),
            note: delivery.deliveryNumber, db: db, now: now)
        try await DeliveryEvent(
            deliveryId: deliveryId, from: nil, to: .accepted, actorId: acceptor.userId, role: acceptor.role,
            reason: acceptor.automatic ? "Accepted automatically under the auto-accept price" : nil, at: now
        ).create(on: db)
        try await context.publish(
            OfferAccepted(
                offerId: delivery.$offer.id, requestId: delivery.$request.id, deliveryId: deliveryId,
                deliveryNumber: delivery.deliveryNumber, customerId: delivery.$customer.id,
                travelerId: delivery.$traveler.id, tripId: delivery.$trip.id, finalPrice: delivery.finalPrice,
                currency: delivery.currency, automatic: acceptor.automatic))
        return delivery
    }
}
