import Deliveries
import DemoData
import Fluent
import Foundation
import Platform
import Trips
import Vapor

/// Requests, offers and accepted deliveries of the demo marketplace, written as the Deliveries services write
/// them (same states, timestamps, events, capacity hold and delivery history).
struct DemoRequests {
    let app: Application
    let now: Date

    struct Posted {
        var request: DeliveryRequest
        var trip: TripPlan
    }

    /// Posts `count` pending requests, each fitting one seeded trip, spread over the customers.
    func post(
        count: Int, trips: [TripPlan], customers: [DemoPerson], progress: TerminalProgressBar?,
        using generator: inout SeededGenerator
    ) async throws -> [Posted] {
        let planner = RequestPlanner()
        var posted: [Posted] = []
        for index in 0..<count {
            let trip = generator.pick(trips)
            let customer = customers[index % customers.count]
            let plan = planner.plan(fitting: trip, now: now, using: &generator)
            let request = plan.makeRequest(customerId: customer.id, contact: customer.firstName, now: now)
            try await app.callContext().transaction { tx in
                let db = tx.db
                try await request.create(on: db)
                try await app.events.publish(
                    DeliveryRequestCreated(requestId: plan.id, customerId: customer.id), on: db, application: app)
            }
            posted.append(Posted(request: request, trip: trip))
            progress?.show(index + 1, of: count, "requests")
        }
        return posted
    }

    /// One offer on each request, by the traveler of the trip it fits, at that trip's list price.
    func offer(
        on posted: [Posted], progress: TerminalProgressBar?, using generator: inout SeededGenerator
    ) async throws
        -> [(offer: DeliveryOffer, request: DeliveryRequest)]
    {
        var offers: [(DeliveryOffer, DeliveryRequest)] = []
        for item in posted where item.trip.travelerId != item.request.$customer.id {
            let request = item.request
            let trip = item.trip
            let offer = DeliveryOffer(requestId: try request.requireID(), travelerId: trip.travelerId, tripId: trip.id)
            let criteria = MatchCriteria(request, radiusKm: 50, excluded: [], preferred: [])
            let listPrice = MatchingEngine.price(
                of: TripIndexEntry(plan: trip), for: criteria, requestKm: request.distanceKm)
            offer.price = max(1, min(request.maxPrice, listPrice))
            offer.currency = request.currency
            offer.message = generator.pick([
                "Happy to take it, I travel light.", "I can pick it up on my way to the station.",
                "Glad to help, I have plenty of room.", "I do this trip every month.",
            ])
            offer.estimatedPickupTime = max(request.pickupTimeStart, trip.departure.addingTimeInterval(-3_600))
            offer.estimatedDeliveryTime = trip.arrival.addingTimeInterval(3_600)
            offer.validUntil = min(now.addingTimeInterval(3 * 86_400), request.expiresAt)
            try await app.callContext().transaction { tx in
                let db = tx.db
                try await offer.create(on: db)
                try await app.events.publish(
                    OfferCreated(
                        offerId: try offer.requireID(), requestId: try request.requireID(),
                        travelerId: trip.travelerId, customerId: request.$customer.id),
                    on: db, application: app)
            }
            offers.append((offer, request))
            progress?.show(offers.count, of: posted.count, "offers")
        }
        return offers
    }

    /// Accepts each offer as the customer would: offer accepted, request matched, delivery created with its
    /// first history event, the trip's capacity held.
    func accept(
        _ offers: [(offer: DeliveryOffer, request: DeliveryRequest)], progress: TerminalProgressBar?,
        using generator: inout SeededGenerator
    ) async throws -> Int {
        for (position, (offer, request)) in offers.enumerated() {
            let number = Self.deliveryNumber(using: &generator)
            try await app.callContext().transaction { tx in
                let db = tx.db
                offer.status = .accepted
                offer.acceptedAt = now
                try await offer.save(on: db)
                request.status = .matched
                try await request.save(on: db)
                _ = try await DeliveryBooking.book(
                    offer, for: request, number: number,
                    acceptedBy: .init(userId: request.$customer.id, role: .customer, automatic: false), context: tx)
            }
            progress?.show(position + 1, of: offers.count, "deliveries")
        }
        return offers.count
    }

    /// `DLV-` and eight characters of Crockford's base 32, like the service's numbers.
    private static func deliveryNumber(using generator: inout SeededGenerator) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        let characters = (0..<8).map { _ in alphabet[Int(generator.next() % 32)] }
        return "DLV-\(String(characters[0..<4]))-\(String(characters[4..<8]))"
    }
}
