import Foundation
import Platform
import Trips
import Users

/// One trip that fits a request, with its score and how the score was made.
public struct Match: Sendable {
    public struct Breakdown: Codable, Sendable, Equatable {
        public var routeEfficiency: Double
        public var timeCompatibility: Double
        public var travelerRating: Double
        public var priceCompetitiveness: Double
    }

    public var trip: TripIndexEntry
    public var score: Double
    public var breakdown: Breakdown
    /// Extra kilometres the traveler rides to collect and drop the item.
    public var detourKm: Double
    /// The trip's list price for this item, minor units of the trip's currency.
    public var price: Int64
    public var preferred: Bool
}

/// The seed's matching algorithm (DESIGN.md §4), in memory over the `TripIndex`.
///
/// Candidates: trips whose origin is within the radius of the pickup and destination within the radius of the
/// drop-off, departing inside `[pickup start, delivery end]` and arriving by the delivery end, with room, and
/// whose restrictions (category, value, fragility, perishables, piece weight) and traveler (not excluded, rating
/// at least the minimum) fit. Score = 0.70 route efficiency + 0.15 time compatibility + 0.10 traveler rating +
/// 0.05 price competitiveness; matches under 0.60 are dropped; the best 10 are returned, preferred travelers and
/// favourites first among equal scores (equal to two decimals).
public struct MatchingEngine: Sendable {
    public static let weights = (route: 0.70, time: 0.15, rating: 0.10, price: 0.05)
    public static let threshold = 0.60
    public static let defaultLimit = 10
    /// Score given for the rating of a traveler nobody has rated yet: a neutral 3 out of 5.
    public static let unratedScore = 0.6
    /// A departure this long after the pickup window (or an arrival this long before the delivery window) scores 0
    /// for time: the traveler would hold the item that long.
    public static let timeSlack: TimeInterval = 48 * 3600

    public init() {}

    public func matches(_ criteria: MatchCriteria, in index: TripIndex, limit: Int = defaultLimit) -> [Match] {
        var found: [Match] = []
        let requestKm = criteria.pickup.distanceKm(to: criteria.delivery)
        let departures =
            criteria.pickupWindow.lowerBound...max(criteria.pickupWindow.lowerBound, criteria.deliveryWindow.upperBound)
        index.forEachCandidate(
            origin: criteria.pickup, destination: criteria.delivery, radiusKm: criteria.radiusKm, departures: departures
        ) { trip, rating in
            if let match = score(trip, rating: rating, criteria: criteria, requestKm: requestKm),
                match.score >= Self.threshold
            {
                found.append(match)
            }
        }
        found.sort(by: Self.ranking)
        return Array(found.prefix(limit))
    }

    /// Best first; equal scores (to two decimals) put preferred travelers first, then the earlier departure.
    static func ranking(_ left: Match, _ right: Match) -> Bool {
        let leftBand = (left.score * 100).rounded()
        let rightBand = (right.score * 100).rounded()
        if leftBand != rightBand { return leftBand > rightBand }
        if left.preferred != right.preferred { return left.preferred }
        if left.score != right.score { return left.score > right.score }
        if left.trip.departure != right.trip.departure { return left.trip.departure < right.trip.departure }
        return left.trip.id.uuidString < right.trip.id.uuidString
    }

    /// The match a trip makes, or nil when a hard rule rules it out.
    func score(
        _ trip: TripIndexEntry, rating: MemberDirectory.Rating?, criteria: MatchCriteria, requestKm: Double
    )
        -> Match?
    {
        guard fits(trip, rating: rating, criteria: criteria) else { return nil }
        let toPickup = trip.origin.distanceKm(to: criteria.pickup)
        guard toPickup <= criteria.radiusKm else { return nil }
        let fromDrop = criteria.delivery.distanceKm(to: trip.destination)
        guard fromDrop <= criteria.radiusKm else { return nil }
        let direct = Double(trip.distanceKm)
        let detour = max(0, toPickup + requestKm + fromDrop - direct)
        let route = max(0, 1 - detour / max(direct, 1))
        let time = timeCompatibility(trip, criteria)
        let ratingScore = rating?.average.map { min(1, max(0, $0 / 5)) } ?? Self.unratedScore
        let price = Self.price(of: trip, for: criteria, requestKm: requestKm)
        let priceScore =
            trip.currency == criteria.currency && criteria.maxPrice > 0
            ? min(1, max(0, 1 - Double(price) / Double(criteria.maxPrice))) : 0
        let weights = Self.weights
        let total =
            weights.route * route + weights.time * time + weights.rating * ratingScore + weights.price * priceScore
        return Match(
            trip: trip, score: total,
            breakdown: .init(
                routeEfficiency: route, timeCompatibility: time, travelerRating: ratingScore,
                priceCompetitiveness: priceScore),
            detourKm: detour, price: price, preferred: criteria.preferredTravelers.contains(trip.travelerId))
    }

    private func fits(_ trip: TripIndexEntry, rating: MemberDirectory.Rating?, criteria: MatchCriteria) -> Bool {
        guard !criteria.excludedTravelers.contains(trip.travelerId) else { return false }
        guard trip.arrival <= criteria.deliveryWindow.upperBound.timeIntervalSince1970 else { return false }
        let tolerance: Float = 0.000_5
        guard Float(criteria.capacity.weight) <= trip.availableWeight + tolerance,
            Float(criteria.capacity.volume) <= trip.availableVolume + tolerance,
            Int32(criteria.capacity.items) <= trip.availableItems
        else { return false }
        guard trip.accepts(criteria.category),
            criteria.value <= trip.maxItemValue || trip.currency != criteria.currency,
            !criteria.fragile || trip.fragileOk, !criteria.perishable || trip.perishableOk,
            Float(criteria.pieceWeight) <= trip.maxItemWeight + tolerance
        else { return false }
        if let minimum = criteria.minRating {
            guard let average = rating?.average, average >= minimum else { return false }
        }
        return true
    }

    /// 1 when the trip leaves inside the pickup window and arrives inside or after the start of the delivery
    /// window; falling linearly to 0 over `timeSlack` of holding the item before or after.
    private func timeCompatibility(_ trip: TripIndexEntry, _ criteria: MatchCriteria) -> Double {
        let late = trip.departure - criteria.pickupWindow.upperBound.timeIntervalSince1970
        let pickupFit = late <= 0 ? 1 : max(0, 1 - late / Self.timeSlack)
        let early = criteria.deliveryWindow.lowerBound.timeIntervalSince1970 - trip.arrival
        let deliveryFit = early <= 0 ? 1 : max(0, 1 - early / Self.timeSlack)
        return (pickupFit + deliveryFit) / 2
    }

    /// The trip's list price for the request: base + per kg × weight + per km × pickup-to-drop distance, times the
    /// express multiplier for express and urgent requests and the fragile multiplier for fragile items.
    public static func price(of trip: TripIndexEntry, for criteria: MatchCriteria, requestKm: Double) -> Int64 {
        var price =
            Double(trip.basePrice) + Double(trip.pricePerKg) * criteria.capacity.weight
            + Double(trip.pricePerKm) * requestKm
        if criteria.urgency != .standard { price *= Double(trip.expressMultiplier) }
        if criteria.fragile { price *= Double(trip.fragileMultiplier) }
        return Int64(price.rounded())
    }
}
