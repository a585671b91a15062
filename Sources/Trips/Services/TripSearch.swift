import Fluent
import Foundation
import Platform
import Users
import Vapor

/// Finds bookable trips for a customer: upcoming, public, not across a block, within the filters.
///
/// The database narrows by status, visibility, type, time, capacity, price and a bounding box around each
/// end; exact great-circle distances, ratings and the sort are applied to at most `candidateLimit` rows.
struct TripSearch {
    static let candidateLimit = 2000

    struct Hit {
        var trip: Trip
        var originDistanceKm: Double?
        var destinationDistanceKm: Double?
        var rating: Double?
    }

    let context: CallContext

    func run(_ search: TripSearchQuery, viewer: UUID, page: PageQuery) async throws -> ListPage<Hit> {
        let query = Trip.query(on: context.db)
            .filter(\.$status == .upcoming)
            .filter(\.$visibility == .public)
            .filter(\.$departureTime > context.now)
        if let from = search.departureFrom { query.filter(\.$departureTime >= from) }
        if let to = search.departureTo { query.filter(\.$departureTime <= to) }
        if let type = search.tripType { query.filter(\.$tripType == type) }
        if let weight = search.minWeight { query.filter(\.$availableWeight >= weight - TripCapacity.tolerance) }
        if let volume = search.minVolume { query.filter(\.$availableVolume >= volume - TripCapacity.tolerance) }
        if let items = search.minItems { query.filter(\.$availableItems >= items) }
        if let low = search.priceMin { query.filter(\.$basePrice >= low) }
        if let high = search.priceMax { query.filter(\.$basePrice <= high) }
        if let origin = search.origin {
            query.filter(BoundingBox(around: origin, radiusKm: search.radiusKm), lat: \.$originLat, lng: \.$originLng)
        }
        if let destination = search.destination {
            query.filter(
                BoundingBox(around: destination, radiusKm: search.radiusKm), lat: \.$destinationLat,
                lng: \.$destinationLng)
        }
        let blocked = try await MemberDirectory.blockedCounterparts(of: viewer, on: context.db)
        if !blocked.isEmpty { query.filter(\.$traveler.$id !~ Array(blocked)) }
        let trips = try await query.sort(\.$departureTime).limit(Self.candidateLimit).all()
        let ratings = try await MemberDirectory.ratings(of: trips.map { $0.$traveler.id }, on: context.db)
        var hits: [Hit] = []
        for trip in trips {
            if let category = search.category, !trip.restrictions.accepts(category) { continue }
            let hit = Hit(
                trip: trip, originDistanceKm: search.origin.map { $0.distanceKm(to: trip.originCoordinates) },
                destinationDistanceKm: search.destination.map { $0.distanceKm(to: trip.destinationCoordinates) },
                rating: ratings[trip.$traveler.id]?.average)
            if let distance = hit.originDistanceKm, distance > search.radiusKm { continue }
            if let distance = hit.destinationDistanceKm, distance > search.radiusKm { continue }
            if let minimum = search.minRating, minimum > 0, (hit.rating ?? 0) < minimum { continue }
            hits.append(hit)
        }
        hits.sort(by: Self.order(search.sort))
        let slice = hits.dropFirst(page.offset).prefix(page.limit)
        return ListPage(
            items: Array(slice), pagination: Pagination(page: page.page, limit: page.limit, total: hits.count))
    }

    static func order(_ sort: TripSearchQuery.Sort) -> (Hit, Hit) -> Bool {
        switch sort {
        case .departure: { $0.trip.departureTime < $1.trip.departureTime }
        case .price: { ($0.trip.basePrice, $0.trip.departureTime) < ($1.trip.basePrice, $1.trip.departureTime) }
        case .rating: { ($0.rating ?? -1, $1.trip.departureTime) > ($1.rating ?? -1, $0.trip.departureTime) }
        case .distance: { $0.offsetKm < $1.offsetKm }
        }
    }
}

extension TripSearch.Hit {
    /// How far the trip's ends are from the searched ones (the trip's own length when no ends were given).
    var offsetKm: Double {
        if originDistanceKm == nil, destinationDistanceKm == nil { return trip.distanceKm }
        return (originDistanceKm ?? 0) + (destinationDistanceKm ?? 0)
    }
}
