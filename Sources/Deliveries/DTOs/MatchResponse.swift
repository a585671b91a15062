import Foundation
import Platform
import Trips
import Users
import Vapor

/// One match as `find-matches` returns it (API.md step 6).
public struct MatchResponse: Content, Sendable {
    public struct TripSummary: Content, Sendable {
        public var title: String
        public var tripType: TripType
        public var origin: TripResponse.Place
        public var destination: TripResponse.Place
        public var departureTime: Date
        public var arrivalTime: Date
        public var availableCapacity: CapacityAmount
    }

    public var tripId: UUID
    public var travelerId: UUID
    public var traveler: MemberDirectory.Summary?
    /// 0…1, three decimals.
    public var score: Double
    public var breakdown: Match.Breakdown
    public var detourKm: Double
    public var estimatedPrice: Money
    /// A preferred traveler or one of the customer's favourites.
    public var preferred: Bool
    public var trip: TripSummary
    /// The offer made at once because the trip auto-accepts requests at this price.
    public var instantOfferId: UUID?

    init(_ match: Match, trip: TripSnapshot, traveler: MemberDirectory.Summary?) {
        func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        tripId = match.trip.id
        travelerId = match.trip.travelerId
        self.traveler = traveler
        score = round(match.score)
        breakdown = Match.Breakdown(
            routeEfficiency: round(match.breakdown.routeEfficiency),
            timeCompatibility: round(match.breakdown.timeCompatibility),
            travelerRating: round(match.breakdown.travelerRating),
            priceCompetitiveness: round(match.breakdown.priceCompetitiveness))
        detourKm = (match.detourKm * 10).rounded() / 10
        estimatedPrice = Money(amount: match.price, currency: trip.currency)
        preferred = match.preferred
        self.trip = TripSummary(
            title: trip.title, tripType: trip.tripType, origin: trip.origin, destination: trip.destination,
            departureTime: trip.departureTime, arrivalTime: trip.arrivalTime, availableCapacity: trip.available)
    }
}
