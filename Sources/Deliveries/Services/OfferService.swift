import Auth
import Fluent
import Platform
import Trips
import Users
import Vapor

/// Travelers' offers: make, change, withdraw; customers decline.
struct OfferService {
    let context: CallContext

    /// Creates a pending offer; when the request's auto-accept price allows it, its automatic acceptance (a charge
    /// of the request's saved card) is queued, and `autoAccepting` says so.
    func create(
        on requestId: UUID, _ input: OfferInput, by principal: Principal
    ) async throws -> (offer: DeliveryOffer, autoAccepting: Bool) {
        let travelerId = principal.userId
        let request = try await openRequest(requestId, for: travelerId)
        guard let rawTrip = input.tripId, let tripId = UUID(uuidString: rawTrip) else {
            throw APIError.validation(["tripId must be the id of one of your upcoming trips"])
        }
        let offer = DeliveryOffer(requestId: requestId, travelerId: travelerId, tripId: tripId)
        offer.currency = request.currency
        try OfferRules(now: context.now).apply(input, to: offer, request: request, isNew: true)
        let trip = try await usableTrip(tripId, travelerId: travelerId, request: request)
        if offer.estimatedPickupTime > trip.departureTime || offer.estimatedDeliveryTime < trip.arrivalTime {
            throw APIError.validation([
                "the pickup must be before the trip departs and the delivery after it arrives"
            ])
        }
        let live = try await DeliveryOffer.query(on: context.db).filter(\.$request.$id == requestId)
            .filter(\.$traveler.$id == travelerId).filter(\.$status == .pending).count()
        guard live == 0 else { throw DeliveriesError.offerAlreadyExists }
        return try await context.db.transaction { db in
            try await offer.insert(on: db)
            let offerId = try offer.requireID()
            try await context.publish(
                OfferCreated(
                    offerId: offerId, requestId: requestId, travelerId: travelerId, customerId: request.$customer.id),
                on: db)
            guard let autoAccept = request.autoAcceptPrice, offer.price <= autoAccept else { return (offer, false) }
            try await OfferAcceptance(context: context.on(db)).scheduleAutomaticAcceptance(OfferID(offerId))
            return (offer, true)
        }
    }

    func update(_ offer: OfferID, with input: OfferInput, by principal: Principal) async throws -> DeliveryOffer {
        let offerId = offer.uuid
        let offer = try await ownOffer(offerId, by: principal)
        guard offer.status == .pending else { throw DeliveriesError.offerNotPending(status: offer.status) }
        guard input.tripId == nil else { throw APIError.validation(["tripId cannot change: withdraw and offer again"]) }
        guard let request = try await DeliveryRequest.find(offer.$request.id, on: context.db) else {
            throw DeliveriesError.requestNotFound
        }
        try OfferRules(now: context.now).apply(input, to: offer, request: request, isNew: false)
        return try await context.db.transaction { db in
            // Re-checked under the write: an accept or a withdrawal may have come first.
            guard let current = try await DeliveryOffer.find(offerId, on: db) else {
                throw DeliveriesError.offerNotFound
            }
            guard current.status == .pending else { throw DeliveriesError.offerNotPending(status: current.status) }
            try await offer.save(on: db)
            return offer
        }
    }

    func withdraw(_ offer: OfferID, by principal: Principal) async throws -> DeliveryOffer {
        let offerId = offer.uuid
        return try await context.db.transaction { db in
            let offer = try await ownOffer(offerId, by: principal, on: db)
            guard offer.status == .pending else { throw DeliveriesError.offerNotPending(status: offer.status) }
            let customerId = try await DeliveryRequest.find(offer.$request.id, on: db)?.$customer.id ?? principal.userId
            try await OfferClosing(context: context.on(db))
                .close(offer, customerId: customerId, outcome: .withdrawn, reason: nil)
            return offer
        }
    }

    func decline(_ offer: OfferID, reason: String?, by principal: Principal) async throws -> DeliveryOffer {
        let offerId = offer.uuid
        return try await context.db.transaction { db in
            guard let offer = try await DeliveryOffer.find(offerId, on: db),
                let request = try await DeliveryRequest.find(offer.$request.id, on: db)
            else { throw DeliveriesError.offerNotFound }
            guard request.$customer.id == principal.userId || principal.isAdmin else {
                throw offer.$traveler.id == principal.userId
                    ? DeliveriesError.notYourRequest : DeliveriesError.offerNotFound
            }
            guard offer.status == .pending else { throw DeliveriesError.offerNotPending(status: offer.status) }
            try await OfferClosing(context: context.on(db))
                .close(offer, customerId: request.$customer.id, outcome: .declined, reason: reason)
            return offer
        }
    }

    /// A pending, unexpired request the traveler may offer on.
    private func openRequest(_ id: UUID, for travelerId: UUID) async throws -> DeliveryRequest {
        guard let request = try await DeliveryRequest.find(id, on: context.db),
            try await !MemberDirectory.isBlocked(between: travelerId, and: request.$customer.id, on: context.db)
        else { throw DeliveriesError.requestNotFound }
        guard request.$customer.id != travelerId else { throw DeliveriesError.cannotOfferOnOwnRequest }
        guard request.status == .pending else { throw DeliveriesError.requestNotOpen(status: request.status) }
        guard request.expiresAt > context.now else { throw DeliveriesError.requestExpired }
        guard !request.blacklistedTravelers.contains(travelerId) else { throw DeliveriesError.travelerExcluded }
        if let minimum = request.minTravelerRating {
            let rating = try await MemberDirectory.ratings(of: [travelerId], on: context.db)[travelerId]?.average ?? 0
            guard rating >= minimum else { throw DeliveriesError.travelerRatingTooLow(required: minimum) }
        }
        let required: VerificationLevel? =
            request.backgroundCheckRequired ? .fullyVerified : request.verificationRequired ? .idVerified : nil
        if let required, try await context.currentUser().verificationLevel < required {
            throw DeliveriesError.verificationRequired(required)
        }
        return request
    }

    /// The traveler's own upcoming trip, with room for the whole request.
    private func usableTrip(_ id: UUID, travelerId: UUID, request: DeliveryRequest) async throws -> Trip {
        guard let trip = try await Trip.find(id, on: context.db) else { throw TripsError.tripNotFound }
        guard trip.$traveler.id == travelerId else { throw TripsError.notYourTrip }
        guard trip.status == .upcoming else { throw TripsError.tripNotBookable(status: trip.status) }
        guard TripCapacity.check(request.capacityNeeded, against: trip).isEmpty else {
            throw TripsError.insufficientCapacity(available: trip.available)
        }
        return trip
    }

    private func ownOffer(
        _ id: UUID, by principal: Principal, on db: (any Database)? = nil
    ) async throws -> DeliveryOffer {
        guard let offer = try await DeliveryOffer.find(id, on: db ?? context.db) else {
            throw DeliveriesError.offerNotFound
        }
        guard offer.$traveler.id == principal.userId || principal.isAdmin else { throw DeliveriesError.notYourOffer }
        return offer
    }
}
