import Fluent
import Platform
import Vapor

/// Search for travelers, and numbers about requests and offers.
struct InsightsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let requests = routes.grouped("delivery-requests").grouped(RoleGuard.authenticated)
        requests.get("search", use: search).doc(
            "Pending requests near a route: tripId, or origin/destination (lat+lng or a name), radius km, category, "
                + "urgency, maxWeight, minPrice, sort=newest|price|pickup|distance")
        requests.get("popular-routes", use: popularRoutes).doc("The most requested city pairs of the last 90 days")
        requests.grouped(RoleGuard.traveler).get("recommendations", use: recommendations)
            .doc("Requests that fit the signed-in traveler's upcoming trips, best first")
        requests.get("statistics", use: statistics).doc("The signed-in customer's request statistics")
        requests.get(":requestId", "analytics", use: analytics).doc("Offers and prices of one of your requests")
        routes.grouped("offers").grouped(RoleGuard.authenticated).get("statistics", use: offerStatistics)
            .doc("The signed-in traveler's offer statistics")
    }

    @Sendable func search(req: Request) async throws -> Envelope<[DeliveryRequestResponse]> {
        let searcher = RequestSearch(context: req.callContext)
        let principal = try req.principal
        let page = try await searcher.run(
            try await searcher.parse(try req.query.decode(RequestSearch.Parameters.self)), travelerId: principal.userId,
            page: try PageQuery(from: req))
        return Envelope(
            try await DeliveryRequestService(context: req.callContext).responses(page.items, viewer: principal),
            pagination: page.pagination)
    }

    @Sendable func popularRoutes(req: Request) async throws -> Envelope<[RequestInsights.PopularRoute]> {
        Envelope(try await RequestInsights(context: req.callContext).popularRoutes())
    }

    @Sendable func recommendations(req: Request) async throws -> Envelope<[RequestRecommendations.Recommendation]> {
        Envelope(try await RequestRecommendations(context: req.callContext).recommend(for: try req.principal))
    }

    @Sendable func statistics(req: Request) async throws -> Envelope<RequestInsights.RequestStatistics> {
        Envelope(try await RequestInsights(context: req.callContext).statistics(for: try req.principal.userId))
    }

    @Sendable func analytics(req: Request) async throws -> Envelope<RequestInsights.RequestAnalytics> {
        let request = try await DeliveryRequestService(context: req.callContext).ownRequest(
            try req.deliveryRequestId, by: try req.principal, on: req.db)
        return Envelope(try await RequestInsights(context: req.callContext).analytics(of: request))
    }

    @Sendable func offerStatistics(req: Request) async throws -> Envelope<RequestInsights.OfferStatistics> {
        Envelope(try await RequestInsights(context: req.callContext).offerStatistics(for: try req.principal.userId))
    }
}
