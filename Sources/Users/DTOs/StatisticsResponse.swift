import Foundation
import Platform
import Vapor

/// A user's statistics. Money and activity timing are private: they are filled only for the user themself
/// (and admins).
public struct StatisticsResponse: Content, Sendable {
    public var userId: UUID
    public var totalTrips: Int
    public var totalDeliveries: Int
    public var successfulDeliveries: Int
    public var cancelledDeliveries: Int
    public var averageRating: Double
    public var totalRatings: Int
    public var completionRate: Double
    public var responseTimeMinutes: Int?
    public var memberSince: Date?
    public var totalEarnings: Money?
    public var totalSpent: Money?
    public var lastActiveAt: Date?

    init(_ statistics: UserStatistics, memberSince: Date?, privateCurrency: String?) {
        userId = statistics.$user.id
        totalTrips = statistics.totalTrips
        totalDeliveries = statistics.totalDeliveries
        successfulDeliveries = statistics.successfulDeliveries
        cancelledDeliveries = statistics.cancelledDeliveries
        averageRating = statistics.averageRating
        totalRatings = statistics.totalRatings
        completionRate = statistics.completionRate
        responseTimeMinutes = statistics.responseTimeMinutes
        self.memberSince = memberSince
        if let privateCurrency {
            let currency = Currency(code: privateCurrency) ?? .eur
            totalEarnings = Money(amount: statistics.totalEarnings, currency: currency)
            totalSpent = Money(amount: statistics.totalSpent, currency: currency)
            lastActiveAt = statistics.lastActiveAt
        }
    }
}
