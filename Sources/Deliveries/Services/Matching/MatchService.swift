import Fluent
import Platform
import Trips
import Users
import Vapor

/// `POST /delivery-requests/{id}/find-matches`: the engine over a fresh index, checked against the database.
struct MatchService {
    static let defaultRadiusKm = 50.0
    static let maxRadiusKm = 200.0

    let context: CallContext

    /// What a search found: the matches, best first, and the instant offer whose automatic acceptance is queued.
    struct Outcome {
        var requestId: UUID
        var matches: [MatchResponse]
        var autoAcceptingOfferId: UUID?
    }

    /// The customer's (or an admin's) search for `requestId`, with the instant offers it makes.
    func findMatches(requestId: UUID, by principal: Principal, radiusKm: Double) async throws -> Outcome {
        let db = context.db
        let index = context.tripIndex
        // Everything the engine needs besides the request is read alongside it: the searcher's relations (the
        // searcher is the request's customer but for an admin's search) and the index's catch-up read.
        async let requestRead = MatchableRequest.load(requestId, on: db)
        async let relationsRead = MemberDirectory.relations(of: principal.userId, on: db)
        async let refreshed: Void = index.refresh(on: db)
        guard let request = try await requestRead else { throw DeliveriesError.requestNotFound }
        guard request.customerId == principal.userId || principal.isAdmin else {
            throw request.status == .pending ? DeliveriesError.notYourRequest : DeliveriesError.requestNotFound
        }
        let relations =
            request.customerId == principal.userId
            ? try await relationsRead : try await MemberDirectory.relations(of: request.customerId, on: db)
        try await refreshed
        var (matches, trips) = try await findMatches(for: request, relations: relations, radiusKm: radiusKm)
        let instant = try await InstantOffers(context: context).make(for: request, matches: matches, trips: trips)
        for index in matches.indices { matches[index].instantOfferId = instant.offers[matches[index].travelerId] }
        return Outcome(requestId: requestId, matches: matches, autoAcceptingOfferId: instant.autoAccepting)
    }

    /// The matches, best first, and the snapshots of their trips (instant offers read them next).
    private func findMatches(
        for request: MatchableRequest, relations: MemberDirectory.Relations, radiusKm: Double
    ) async throws -> ([MatchResponse], [UUID: TripSnapshot]) {
        guard request.status == .pending else { throw DeliveriesError.requestNotOpen(status: request.status) }
        guard request.expiresAt > context.now else { throw DeliveriesError.requestExpired }
        let customerId = request.customerId
        var criteria = request.criteria
        criteria.radiusKm = radiusKm
        criteria.excludedTravelers = relations.blocked.union(request.blacklistedTravelers).union([customerId])
        criteria.preferredTravelers = relations.favourites.union(request.preferredTravelers)
        // A trip whose departure has passed may still wait for the scheduler to start it: never offer it.
        criteria.pickupWindow = max(criteria.pickupWindow.lowerBound, context.now)...criteria.pickupWindow.upperBound
        let needsVerification = request.verificationRequired || request.backgroundCheckRequired
        // Room for travelers the verification rule may still drop.
        let ranked = MatchingEngine().matches(
            criteria, in: context.tripIndex, limit: needsVerification ? 50 : MatchingEngine.defaultLimit)
        let (matches, trips) = try await confirmed(ranked, request: request)
        if !matches.isEmpty {
            let event = PotentialTravelersMatched(
                requestId: request.id, customerId: customerId,
                matches: matches.map {
                    .init(tripId: $0.match.trip.id, travelerId: $0.match.trip.travelerId, score: $0.match.score)
                })
            // Telling travelers is a side effect the customer need not wait for: it commits after the answer.
            let detached = context.detached()
            context.backgroundWork.run("matching.announce", logger: context.logger) {
                try await detached.transaction { tx in try await tx.publish(event) }
            }
        }
        return (matches.map(\.response), trips)
    }

    private struct Confirmed {
        var match: Match
        var response: MatchResponse
    }

    /// Drops matches whose trip changed since the index last saw it, or whose traveler is not verified enough.
    private func confirmed(
        _ ranked: [Match], request: MatchableRequest
    ) async throws -> ([Confirmed], [UUID: TripSnapshot]) {
        guard !ranked.isEmpty else { return ([], [:]) }
        let db = context.db
        async let tripsRead = TripSnapshot.load(ranked.map(\.trip.id), on: db)
        async let travelersRead = MemberDirectory.summaries(of: ranked.map(\.trip.travelerId), on: db)
        let (byId, travelers) = try await (tripsRead, travelersRead)
        let required: VerificationLevel? =
            request.backgroundCheckRequired ? .fullyVerified : request.verificationRequired ? .idVerified : nil
        var result: [Confirmed] = []
        for match in ranked {
            guard let trip = byId[match.trip.id], trip.status == .upcoming, trip.visibility == .public,
                trip.fits(request.criteria.capacity)
            else { continue }
            let traveler = travelers[match.trip.travelerId]
            if let required, (traveler?.verificationLevel ?? .unverified) < required { continue }
            result.append(Confirmed(match: match, response: MatchResponse(match, trip: trip, traveler: traveler)))
            if result.count == MatchingEngine.defaultLimit { break }
        }
        return (result, byId)
    }
}
