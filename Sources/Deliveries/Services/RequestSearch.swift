import Fluent
import Foundation
import Platform
import Trips
import Users
import Vapor

/// Travelers looking for requests near a route: `GET /delivery-requests/search`.
///
/// The route comes from `tripId` (one of the traveler's trips: its ends and dates) or from origin/destination
/// coordinates or place names. The database narrows by status, expiry, category, weight and bounding boxes;
/// exact distances and exclusions (own, blocked, blacklisted) are applied to at most 2,000 rows.
struct RequestSearch {
    static let candidateLimit = 2000

    struct Query {
        var origin: GeoPoint?
        var destination: GeoPoint?
        var radiusKm: Double = 50
        var pickupBy: Date?
        var category: ItemCategory?
        var maxWeight: Double?
        var minPrice: Int64?
        var urgency: Urgency?
        var sort: String = "newest"
    }

    let context: CallContext

    /// The query string as sent; `parse` validates it.
    struct Parameters: Decodable, Sendable {
        var tripId: String?
        var origin: String?
        var originLat: Double?
        var originLng: Double?
        var destination: String?
        var destinationLat: Double?
        var destinationLng: Double?
        var radius: Double?
        var category: String?
        var urgency: String?
        var maxWeight: Double?
        var minPrice: Int64?
        var sort: String?
    }

    func parse(_ raw: Parameters) async throws -> Query {
        var query = Query()
        var check = RuleCheck()
        if let rawTrip = raw.tripId {
            guard let id = UUID(uuidString: rawTrip), let trip = try await Trip.find(id, on: context.db),
                trip.$traveler.id == (try context.requirePrincipal().userId)
            else { throw TripsError.tripNotFound }
            query.origin = trip.originCoordinates
            query.destination = trip.destinationCoordinates
            query.pickupBy = trip.departureTime
        }
        query.origin =
            try await SearchPoint.resolve(
                "origin", text: raw.origin, lat: raw.originLat, lng: raw.originLng, geocoder: context.geocoder,
                into: &check) ?? query.origin
        query.destination =
            try await SearchPoint.resolve(
                "destination", text: raw.destination, lat: raw.destinationLat, lng: raw.destinationLng,
                geocoder: context.geocoder, into: &check) ?? query.destination
        query.radiusKm = raw.radius ?? 50
        check.require(query.radiusKm > 0 && query.radiusKm <= 500, "radius must be more than 0 and at most 500 km")
        if let rawCategory = raw.category {
            query.category = ItemCategory(rawValue: rawCategory)
            check.require(query.category != nil, "category must be one of \(ItemCategory.list)")
        }
        if let rawUrgency = raw.urgency {
            query.urgency = Urgency(rawValue: rawUrgency)
            check.require(query.urgency != nil, "urgency must be one of standard, express, urgent")
        }
        query.maxWeight = raw.maxWeight
        query.minPrice = raw.minPrice
        query.sort = raw.sort ?? "newest"
        check.require(
            ["newest", "price", "pickup", "distance"].contains(query.sort),
            "sort must be one of newest, price, pickup, distance")
        try check.throwIfBroken()
        return query
    }

    func run(_ search: Query, travelerId: UUID, page: PageQuery) async throws -> ListPage<DeliveryRequest> {
        let query = DeliveryRequest.query(on: context.db).filter(\.$status == .pending).filter(
            \.$expiresAt > context.now
        )
        .filter(\.$customer.$id != travelerId)
        if let category = search.category { query.filter(\.$category == category) }
        if let urgency = search.urgency { query.filter(\.$urgency == urgency) }
        if let weight = search.maxWeight { query.filter(\.$weight <= weight) }
        if let price = search.minPrice { query.filter(\.$maxPrice >= price) }
        if let pickupBy = search.pickupBy {
            query.filter(\.$pickupTimeStart <= pickupBy).filter(\.$deliveryTimeEnd >= pickupBy)
        }
        if let origin = search.origin {
            query.filter(BoundingBox(around: origin, radiusKm: search.radiusKm), lat: \.$pickupLat, lng: \.$pickupLng)
        }
        if let destination = search.destination {
            query.filter(
                BoundingBox(around: destination, radiusKm: search.radiusKm), lat: \.$deliveryLat, lng: \.$deliveryLng)
        }
        let blocked = try await MemberDirectory.blockedCounterparts(of: travelerId, on: context.db)
        if !blocked.isEmpty { query.filter(\.$customer.$id !~ Array(blocked)) }
        var found = try await query.sort(\.$createdAt, .descending).limit(Self.candidateLimit).all().filter { request in
            !request.blacklistedTravelers.contains(travelerId)
                && search.origin.map { $0.distanceKm(to: request.pickupCoordinates) <= search.radiusKm } ?? true
                && search.destination.map { $0.distanceKm(to: request.deliveryCoordinates) <= search.radiusKm } ?? true
        }
        switch search.sort {
        case "price": found.sort { $0.maxPrice > $1.maxPrice }
        case "pickup": found.sort { $0.pickupTimeStart < $1.pickupTimeStart }
        case "distance":
            let offset = { (request: DeliveryRequest) in
                (search.origin?.distanceKm(to: request.pickupCoordinates) ?? 0)
                    + (search.destination?.distanceKm(to: request.deliveryCoordinates) ?? 0)
            }
            found.sort { offset($0) < offset($1) }
        default: break
        }
        let items = Array(found.dropFirst(page.offset).prefix(page.limit))
        return ListPage(items: items, pagination: Pagination(page: page.page, limit: page.limit, total: found.count))
    }
}
