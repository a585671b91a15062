import Platform
import Vapor

/// `GET /trips/search`.
struct TripSearchController: RouteCollection {
    /// A search result: the trip and how far its ends are from the searched ones.
    struct SearchResult: Content {
        var trip: TripResponse
        var originDistanceKm: Double?
        var destinationDistanceKm: Double?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("trips").grouped(RoleGuard.authenticated).get("search", use: search)
            .doc(
                "Search upcoming public trips: origin/destination (lat+lng or a place name) within radius km, "
                    + "departureFrom/To, minWeight/minVolume/minItems, priceMin/priceMax, minRating, tripType, "
                    + "category, sort=departure|price|rating|distance, page, limit")
    }

    @Sendable func search(req: Request) async throws -> Envelope<[SearchResult]> {
        let query = try await TripSearchQuery.parse(
            try req.query.decode(TripSearchQuery.Parameters.self), geocoder: req.application.geocoder)
        let principal = try req.principal
        let page = try await TripSearch(context: req.callContext).run(
            query, viewer: principal.userId, page: try PageQuery(from: req))
        let responses = try await TripService(context: req.callContext).responses(
            page.items.map(\.trip), viewer: principal.userId)
        let results = zip(page.items, responses).map { hit, response in
            SearchResult(
                trip: response, originDistanceKm: hit.originDistanceKm.map { ($0 * 10).rounded() / 10 },
                destinationDistanceKm: hit.destinationDistanceKm.map { ($0 * 10).rounded() / 10 })
        }
        return Envelope(results, pagination: page.pagination)
    }
}
