import Fluent
import Foundation
import Platform

/// Keeps `user_statistics.average_rating` and `total_ratings` equal to the member's published reviews; matching
/// and search read the rating from there.
enum RatingAggregates {
    static func recompute(for userId: UUID, on db: any Database) async throws {
        let ratings = try await Review.query(on: db).filter(\.$reviewee.$id == userId).filter(\.$status == .published)
            .all(\.$overallRating)
        let statistics = try await UserRows.statistics(of: userId, on: db)
        statistics.totalRatings = ratings.count
        statistics.averageRating =
            ratings.isEmpty ? 0 : (Double(ratings.reduce(0, +)) / Double(ratings.count) * 100).rounded() / 100
        try await statistics.save(on: db)
    }
}
