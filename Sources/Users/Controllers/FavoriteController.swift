import Fluent
import Platform
import Vapor

/// A customer's favorite travelers. Only accounts that send items (customer, both) keep favorites.
struct FavoriteController: RouteCollection {
    struct FavoriteRequest: Content {
        var travelerId: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users").grouped(RoleGuard.customer)
        users.post("me", "favorites", use: addFromBody)
            .doc("Add a traveler to favorites", body: FavoriteRequest.self, status: 201)
        users.post("favorites", ":travelerId", use: addFromPath).doc("Favorite a traveler", status: 201)
        users.delete("me", "favorites", ":userId", use: remove).doc("Remove a traveler from favorites")
        users.get("me", "favorites", use: list).doc("Favorite travelers, newest first")
    }

    /// `POST /users/me/favorites`
    @Sendable func addFromBody(req: Request) async throws -> Response {
        let input = try req.content.decode(FavoriteRequest.self)
        guard let travelerId = UUID(uuidString: input.travelerId) else {
            throw APIError.validation(["travelerId must be a user id (UUID)"])
        }
        return try await add(req, travelerId: travelerId)
    }

    /// `POST /users/favorites/{travelerId}`
    @Sendable func addFromPath(req: Request) async throws -> Response {
        try await add(req, travelerId: try UserDirectory.userId(req.parameters.get("travelerId")))
    }

    /// `DELETE /users/me/favorites/{userId}`
    @Sendable func remove(req: Request) async throws -> Envelope<Empty> {
        let travelerId = try UserDirectory.userId(req.parameters.get("userId"))
        try await FavoriteService(context: req.callContext).remove(travelerId, for: try req.principal.userId)
        return .message("Removed from favorites")
    }

    /// `GET /users/me/favorites`
    @Sendable func list(req: Request) async throws -> Envelope<[FavoriteResponse]> {
        .list(
            try await FavoriteService(context: req.callContext).list(
                for: try req.principal.userId, page: try PageQuery(from: req)))
    }

    private func add(_ req: Request, travelerId: UUID) async throws -> Response {
        let favorite = try await FavoriteService(context: req.callContext).add(
            travelerId, for: try req.principal.userId)
        return try await Envelope(favorite, message: "Added to favorites").response(status: .created, for: req)
    }
}

extension FavoriteController.FavoriteRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] { ["travelerId": .format("uuid")] }
}
