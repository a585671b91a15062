import Fluent
import Platform
import SQLKit
import Trips
import Vapor

/// Trips with auto-accept on take requests that pay their threshold: when matching finds such a trip, the
/// platform makes the traveler's offer at once, at the trip's list price for the item but never under the
/// threshold, and only within the request's maximum. If the request's own auto-accept price covers it, the
/// offer's automatic acceptance (a charge of the request's saved card) is queued in the same transaction.
struct InstantOffers {
    /// What happened: offers made for travelers, and the one whose automatic acceptance is queued.
    struct Outcome {
        var offers: [UUID: UUID] = [:]
        var autoAccepting: UUID?
    }

    let context: CallContext

    /// One offer the search qualifies for, before the database is asked.
    private struct Candidate {
        var tripId: UUID
        var travelerId: UUID
        var price: Int64
        var pickup: Date
        var delivery: Date
    }

    func make(
        for request: MatchableRequest, matches: [MatchResponse], trips: [UUID: TripSnapshot]
    ) async throws
        -> Outcome
    {
        let candidates = matches.compactMap { match in
            candidate(for: match, trip: trips[match.tripId], request: request)
        }
        guard !candidates.isEmpty else { return Outcome() }
        // All of a search's instant offers commit together: one write transaction, however many trips qualify.
        return try await context.db.transaction { db in
            guard
                var offered = try await Self.travelersWithLiveOffers(
                    on: request.id, among: candidates.map(\.travelerId), on: db)
            else { return Outcome() }
            var outcome = Outcome()
            for candidate in candidates where !offered.contains(candidate.travelerId) {
                let offerId = try await create(candidate, for: request, on: db)
                offered.insert(candidate.travelerId)
                outcome.offers[candidate.travelerId] = offerId
                if let autoAccept = request.autoAcceptPrice, candidate.price <= autoAccept {
                    try await OfferAcceptance(context: context.on(db)).scheduleAutomaticAcceptance(OfferID(offerId))
                    outcome.autoAccepting = offerId
                    break
                }
            }
            return outcome
        }
    }

    /// The trip takes this request at its threshold or list price, within the request's maximum and in time.
    private func candidate(for match: MatchResponse, trip: TripSnapshot?, request: MatchableRequest) -> Candidate? {
        guard let trip, trip.autoAccept, let threshold = trip.autoAcceptPrice,
            trip.currency.code == request.criteria.currency
        else { return nil }
        let price = max(match.estimatedPrice.amount, threshold)
        guard price <= request.criteria.maxPrice, let times = times(for: request, on: trip) else { return nil }
        return Candidate(
            tripId: match.tripId, travelerId: trip.travelerId, price: price, pickup: times.pickup,
            delivery: times.delivery)
    }

    private func create(_ candidate: Candidate, for request: MatchableRequest, on db: any Database) async throws -> UUID
    {
        let offer = DeliveryOffer(requestId: request.id, travelerId: candidate.travelerId, tripId: candidate.tripId)
        offer.currency = request.criteria.currency
        offer.price = candidate.price
        offer.message = "Instant offer: this trip takes requests that pay its auto-accept price"
        offer.estimatedPickupTime = candidate.pickup
        offer.estimatedDeliveryTime = candidate.delivery
        offer.validUntil = min(context.now.addingTimeInterval(OfferRules.defaultValidity), request.expiresAt)
        try await offer.insert(on: db)
        let offerId = try offer.requireID()
        try await context.publish(
            OfferCreated(
                offerId: offerId, requestId: request.id, travelerId: candidate.travelerId,
                customerId: request.customerId),
            on: db)
        return offerId
    }

    /// The travelers among `travelers` who already have a pending offer on the request, or nil when the request
    /// no longer takes offers. On PostgreSQL the request's row stays locked until commit, so an acceptance racing
    /// this search waits for it (SQLite transactions already hold the database's write lock).
    private static func travelersWithLiveOffers(
        on requestId: UUID, among travelers: [UUID], on db: any Database
    ) async throws -> Set<UUID>? {
        let lock = db.isPostgres ? " FOR UPDATE OF r" : ""
        let rows = try await db.sqlDatabase.raw(
            """
            SELECT r.status, o.traveler_id FROM delivery_requests r
            LEFT JOIN delivery_offers o ON o.delivery_request_id = r.id
                AND o.status = \(bind: OfferStatus.pending.rawValue)
                AND o.traveler_id IN (\(binds: Array(Set(travelers))))
            WHERE r.id = \(bind: requestId)\(unsafeRaw: lock)
            """
        ).all()
        guard let first = rows.first,
            try first.decode(column: "status", as: String.self) == DeliveryRequestStatus.pending.rawValue
        else { return nil }
        return Set(try rows.compactMap { try $0.decode(column: "traveler_id", as: UUID?.self) })
    }

    /// Pickup an hour before departure (inside the pickup window when it can be), delivery an hour after arrival
    /// (not before the delivery window opens); nil when the trip leaves too soon to collect the item.
    private func times(for request: MatchableRequest, on trip: TripSnapshot) -> (pickup: Date, delivery: Date)? {
        let pickup = min(trip.departureTime.addingTimeInterval(-3600), request.criteria.pickupWindow.upperBound)
        guard pickup > context.now else { return nil }
        let delivery = max(trip.arrivalTime.addingTimeInterval(3600), request.criteria.deliveryWindow.lowerBound)
        return (pickup, delivery)
    }
}
