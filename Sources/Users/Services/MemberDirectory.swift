import Auth
import Fluent
import Foundation
import Platform
import SQLKit

/// What the marketplace modules (trips, deliveries, matching) need to know about other members: public names
/// and ratings, who blocked whom, and a customer's favourite travelers.
public enum MemberDirectory {
    /// A member as another member sees them next to a trip, request or offer.
    public struct Summary: Codable, Sendable, Equatable {
        public var id: UUID
        public var displayName: String
        public var verificationLevel: VerificationLevel
        /// Average rating, nil until the first rating.
        public var rating: Double?
        public var ratingCount: Int
        public var completedDeliveries: Int
    }

    /// A member's rating, as matching and search filter and score by it.
    public struct Rating: Sendable, Equatable {
        public var average: Double?
        public var count: Int
    }

    /// One joined SQL read (not Fluent models): listing pages and find-matches call this for every row shown.
    public static func summaries(of ids: [UUID], on db: any Database) async throws -> [UUID: Summary] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.sqlDatabase.raw(
            """
            SELECT u.id, u.first_name, u.last_name, u.verification_level,
                s.average_rating, s.total_ratings, s.successful_deliveries
            FROM users u LEFT JOIN user_statistics s ON s.user_id = u.id
            WHERE u.id IN (\(binds: unique))
            """
        ).all()
        var result: [UUID: Summary] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let lastName = try row.decode(column: "last_name", as: String.self)
            let initial = lastName.first.map { " \($0.uppercased())." } ?? ""
            let count = try row.decode(column: "total_ratings", as: Int?.self) ?? 0
            result[id] = Summary(
                id: id, displayName: try row.decode(column: "first_name", as: String.self) + initial,
                verificationLevel: VerificationLevel(
                    rawValue: try row.decode(column: "verification_level", as: String.self)) ?? .unverified,
                rating: count > 0 ? try row.decode(column: "average_rating", as: Double?.self) : nil,
                ratingCount: count,
                completedDeliveries: try row.decode(column: "successful_deliveries", as: Int?.self) ?? 0)
        }
        return result
    }

    public static func ratings(of ids: [UUID], on db: any Database) async throws -> [UUID: Rating] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let statistics = try await UserStatistics.query(on: db).filter(\.$user.$id ~~ unique).all()
        return Dictionary(
            statistics.map {
                ($0.$user.id, Rating(average: $0.totalRatings > 0 ? $0.averageRating : nil, count: $0.totalRatings))
            },
            uniquingKeysWith: { first, _ in first })
    }

    /// Ratings changed at or after `since` (wall-clock), for caches kept in step with the database.
    public static func ratingsChanged(since: Date, on db: any Database) async throws -> [(UUID, Rating)] {
        // Read on every search: two columns through SQL rather than the statistics model's dozen.
        let rows = try await db.sqlDatabase.raw(
            """
            SELECT user_id, average_rating, total_ratings FROM user_statistics WHERE updated_at >= \(bind: since)
            """
        ).all()
        return try rows.map { row in
            let count = try row.decode(column: "total_ratings", as: Int.self)
            return (
                try row.decode(column: "user_id", as: UUID.self),
                Rating(
                    average: count > 0 ? try row.decode(column: "average_rating", as: Double.self) : nil, count: count)
            )
        }
    }

    /// Everyone `userId` blocked or was blocked by: the two never see each other in the marketplace.
    public static func blockedCounterparts(of userId: UUID, on db: any Database) async throws -> Set<UUID> {
        try await relations(of: userId, on: db).blocked
    }

    /// Whom a member never sees (blocked either way) and the travelers they marked as favourites.
    public struct Relations: Sendable, Equatable {
        public var blocked: Set<UUID> = []
        public var favourites: Set<UUID> = []
    }

    /// Both kinds of relation in one SQL read: every search asks for them.
    public static func relations(of userId: UUID, on db: any Database) async throws -> Relations {
        let rows = try await db.sqlDatabase.raw(
            """
            SELECT 'blocked' AS kind, blocked_id AS other FROM user_blocks WHERE blocker_id = \(bind: userId)
            UNION ALL SELECT 'blocked', blocker_id FROM user_blocks WHERE blocked_id = \(bind: userId)
            UNION ALL SELECT 'favourite', traveler_id FROM user_favorites WHERE customer_id = \(bind: userId)
            """
        ).all()
        var relations = Relations()
        for row in rows {
            let other = try row.decode(column: "other", as: UUID.self)
            if try row.decode(column: "kind", as: String.self) == "favourite" {
                relations.favourites.insert(other)
            } else {
                relations.blocked.insert(other)
            }
        }
        return relations
    }

    public static func isBlocked(between first: UUID, and second: UUID, on db: any Database) async throws -> Bool {
        try await UserBlock.query(on: db).group(.or) { pair in
            pair.group(.and) { $0.filter(\.$blocker.$id == first).filter(\.$blocked.$id == second) }
            pair.group(.and) { $0.filter(\.$blocker.$id == second).filter(\.$blocked.$id == first) }
        }.count() > 0
    }
}
