import Auth
import Fluent
import Platform
import Vapor

/// A customer's favorite travelers.
struct FavoriteService {
    let context: CallContext

    func add(_ travelerId: UUID, for customerId: UUID) async throws -> FavoriteResponse {
        guard travelerId != customerId else { throw UsersError.cannotTargetSelf(action: "favorite") }
        let traveler = try await UserDirectory(db: context.db).visibleUser(travelerId, to: customerId)
        guard traveler.userType.canTravel else { throw UsersError.notATraveler }
        if try await existing(customerId, travelerId) != nil { throw UsersError.alreadyFavorited }
        return try await context.db.transaction { db in
            let favorite = UserFavorite(customerId: customerId, travelerId: travelerId, addedAt: context.now)
            try await favorite.create(on: db)
            try await AuditTrail.record(
                "favorite_added", category: "profile", userId: customerId, entityType: "user",
                entityId: travelerId.uuidString, context: context.on(db))
            let statistics = try await UserStatistics.query(on: db).filter(\.$user.$id == travelerId).first()
            return try FavoriteResponse(favorite, traveler: traveler, statistics: statistics)
        }
    }

    func remove(_ travelerId: UUID, for customerId: UUID) async throws {
        guard let favorite = try await existing(customerId, travelerId) else { throw UsersError.notFavorited }
        try await context.db.transaction { db in
            try await favorite.delete(on: db)
            try await AuditTrail.record(
                "favorite_removed", category: "profile", userId: customerId, entityType: "user",
                entityId: travelerId.uuidString, context: context.on(db))
        }
    }

    /// The customer's favorites, newest first, with each traveler's public figures.
    func list(for customerId: UUID, page: PageQuery) async throws -> ListPage<FavoriteResponse> {
        let favorites = try await UserFavorite.query(on: context.db).filter(\.$customer.$id == customerId)
            .sort(\.$addedAt, .descending).page(page)
        let ids = favorites.items.map { $0.$traveler.id }
        let travelers = ids.isEmpty ? [] : try await User.query(on: context.db).filter(\.$id ~~ ids).all()
        let statistics =
            ids.isEmpty ? [] : try await UserStatistics.query(on: context.db).filter(\.$user.$id ~~ ids).all()
        return try favorites.map { favorite in
            try FavoriteResponse(
                favorite, traveler: travelers.first { $0.id == favorite.$traveler.id },
                statistics: statistics.first { $0.$user.id == favorite.$traveler.id })
        }
    }

    private func existing(_ customerId: UUID, _ travelerId: UUID) async throws -> UserFavorite? {
        try await UserFavorite.query(on: context.db).filter(\.$customer.$id == customerId)
            .filter(\.$traveler.$id == travelerId).first()
    }
}
