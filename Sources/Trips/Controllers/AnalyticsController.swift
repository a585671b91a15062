import Auth
import Fluent
import Platform
import Vapor

/// Trip analytics from the trips themselves: a traveler's overview and statistics, one trip's performance,
/// the market's popular routes and recommendations.
struct AnalyticsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let analytics = routes.grouped("trips", "analytics")
        let travelers = analytics.grouped(RoleGuard.traveler)
        travelers.get(use: overview).doc("The signed-in traveler's trips: counts, distance, capacity use, next trips")
        travelers.get("statistics", use: statistics).doc("The traveler's trips departing in a period (?from=&to=)")
        analytics.grouped(RoleGuard.authenticated).get(":tripId", "performance", use: performance)
            .doc("One trip's utilization, reservations and revenue potential (its traveler)")
        analytics.get("popular-routes", use: popularRoutes)
            .doc("The busiest city pairs among public trips of the past 90 days (?limit=)", auth: false)
        travelers.get("recommendations", use: recommendations).doc("Routes and prices suggested to the traveler")
    }

    /// `GET /trips/analytics`
    @Sendable func overview(req: Request) async throws -> Envelope<TripAnalyticsOverview> {
        Envelope(try await TripAnalytics(db: req.db, now: req.now).overview(of: try req.principal.userId))
    }

    /// `GET /trips/analytics/statistics?from=&to=`
    @Sendable func statistics(req: Request) async throws -> Envelope<TripPeriodStatistics> {
        let period = try AnalyticsPeriod.parse(
            from: try req.query.get(String?.self, at: "from"), to: try req.query.get(String?.self, at: "to"),
            now: req.now)
        return Envelope(
            try await TripAnalytics(db: req.db, now: req.now).statistics(of: try req.principal.userId, period: period))
    }

    /// `GET /trips/analytics/{tripId}/performance`
    @Sendable func performance(req: Request) async throws -> Envelope<TripPerformance> {
        let trip = try await TripService(context: req.callContext).ownedTrip(
            try req.tripId, by: try req.principal, on: req.db)
        let reservations = CapacityReservation.query(on: req.db).filter(\.$trip.$id == (try trip.requireID()))
        let held = try await reservations.copy().filter(\.$status == .held).count()
        let released = try await reservations.copy().filter(\.$status == .released).count()
        return Envelope(try TripPerformanceReport.make(for: trip, held: held, released: released))
    }

    /// `GET /trips/analytics/popular-routes?limit=`
    @Sendable func popularRoutes(req: Request) async throws -> Envelope<[PopularRouteResponse]> {
        let limit = try req.query.get(Int?.self, at: "limit") ?? 10
        guard (1...50).contains(limit) else { throw APIError.validation(["limit must be between 1 and 50"]) }
        let routes = try await PopularRoutes(db: req.db, geocoder: req.application.geocoder)
            .routes(.market(since: req.now - TripRecommendations.marketWindow), limit: limit)
        return Envelope(try routes.map { try $0.response })
    }

    /// `GET /trips/analytics/recommendations`
    @Sendable func recommendations(req: Request) async throws -> Envelope<TripRecommendationsResponse> {
        let traveler = try await req.currentUser()
        let recommendations = TripRecommendations(
            routes: PopularRoutes(db: req.db, geocoder: req.application.geocoder), now: req.now)
        return Envelope(
            try await recommendations.recommendations(
                for: try traveler.requireID(), currency: traveler.preferredCurrency))
    }
}
