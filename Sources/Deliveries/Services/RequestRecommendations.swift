import Fluent
import Foundation
import Platform
import Trips
import Users
import Vapor

/// Requests a traveler could carry on their upcoming trips, scored by the matching engine from the trip's side.
struct RequestRecommendations {
    struct Recommendation: Content {
        var tripId: UUID
        var score: Double
        var breakdown: Match.Breakdown
        var estimatedPrice: Money
        var request: DeliveryRequestResponse
    }

    let context: CallContext

    func recommend(for principal: Principal, limit: Int = 20) async throws -> [Recommendation] {
        let travelerId = principal.userId
        let trips = try await Trip.query(on: context.db).filter(\.$traveler.$id == travelerId).filter(
            \.$status == .upcoming
        )
        .sort(\.$departureTime).limit(20).all()
        guard !trips.isEmpty else { return [] }
        let blocked = try await MemberDirectory.blockedCounterparts(of: travelerId, on: context.db)
        let rating = try await MemberDirectory.ratings(of: [travelerId], on: context.db)[travelerId]
        let engine = MatchingEngine()
        var best: [UUID: (Match, DeliveryRequest)] = [:]
        for trip in trips {
            let entry = try TripIndexEntry(trip)
            let box = BoundingBox(around: trip.originCoordinates, radiusKm: MatchService.defaultRadiusKm)
            let candidates = try await DeliveryRequest.query(on: context.db).filter(\.$status == .pending)
                .filter(\.$expiresAt > context.now).filter(\.$customer.$id != travelerId)
                .filter(box, lat: \.$pickupLat, lng: \.$pickupLng).limit(500).all()
            for request in candidates where !blocked.contains(request.$customer.id) {
                let criteria = MatchCriteria(
                    request, radiusKm: MatchService.defaultRadiusKm,
                    excluded: Set(request.blacklistedTravelers), preferred: Set(request.preferredTravelers))
                guard
                    let match = engine.score(entry, rating: rating, criteria: criteria, requestKm: request.distanceKm),
                    match.score >= MatchingEngine.threshold, let id = request.id
                else { continue }
                if best[id].map({ $0.0.score < match.score }) ?? true { best[id] = (match, request) }
            }
        }
        let ranked = best.values.sorted { $0.0.score > $1.0.score }.prefix(limit)
        let responses = try await DeliveryRequestService(context: context).responses(ranked.map(\.1), viewer: principal)
        return zip(ranked, responses).map { pair, response in
            let (match, request) = pair
            return Recommendation(
                tripId: match.trip.id, score: (match.score * 1000).rounded() / 1000, breakdown: match.breakdown,
                estimatedPrice: Money(
                    amount: match.price, currency: Currency(code: match.trip.currency) ?? request.priceCurrency),
                request: response)
        }
    }
}
