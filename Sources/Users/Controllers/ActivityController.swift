import Auth
import Fluent
import Platform
import Vapor

/// Statistics and the activity feed.
struct ActivityController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users").grouped(RoleGuard.authenticated)
        users.get("me", "statistics", use: myStatistics).doc("The signed-in user's statistics, money included")
        users.get(":userId", "statistics", use: statistics)
            .doc("A user's statistics (public figures only, unless it is the caller)")
        users.get("me", "activity", use: activity)
            .doc("The signed-in user's activity feed, newest first (`?category=&page=&limit=`)")
    }

    /// `GET /users/me/statistics`
    @Sendable func myStatistics(req: Request) async throws -> Envelope<StatisticsResponse> {
        let user = try await req.currentUser()
        let statistics = try await UserRows.statistics(of: try user.requireID(), on: req.db)
        let totals = try await MoneyStatistics.totals(of: try user.requireID(), on: req.db)
        return Envelope(
            StatisticsResponse(
                statistics, memberSince: user.createdAt, privateCurrency: user.preferredCurrency, totals: totals))
    }

    /// `GET /users/{userId}/statistics`
    @Sendable func statistics(req: Request) async throws -> Envelope<StatisticsResponse> {
        let viewer = try req.principal.userId
        let id = try UserDirectory.userId(req.parameters.get("userId"))
        if id == viewer { return try await myStatistics(req: req) }
        let user = try await UserDirectory(db: req.db).visibleUser(id, to: viewer)
        let preferences = try await UserRows.preferences(of: id, on: req.db)
        guard preferences.privacySettings["showStatistics"] != .bool(false) else {
            throw APIError.forbidden("This user keeps their statistics private", code: "STATISTICS_PRIVATE")
        }
        let statistics = try await UserRows.statistics(of: id, on: req.db)
        return Envelope(StatisticsResponse(statistics, memberSince: user.createdAt, privateCurrency: nil))
    }

    /// `GET /users/me/activity`
    @Sendable func activity(req: Request) async throws -> Envelope<[AuditEntryResponse]> {
        var query = AuditLogEntry.query(on: req.db).filter(\.$userId == (try req.principal.userId))
        if let category = try req.query.get(String?.self, at: "category") {
            query = query.filter(\.$category == category)
        }
        let page = try await query.sort(\.$createdAt, .descending).page(try PageQuery(from: req))
        return .list(try page.map(AuditEntryResponse.init))
    }
}
