import Foundation
import Platform
import Vapor

/// An amount in minor units with its currency (`{ "amount": 1250, "currency": "EUR" }`).
public struct MoneyAmount: Content, Sendable, Equatable {
    public var amount: Int64
    public var currency: String
}

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
    public var totalEarnings: MoneyAmount?
    public var totalSpent: MoneyAmount?
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
            totalEarnings = MoneyAmount(amount: statistics.totalEarnings, currency: privateCurrency)
            totalSpent = MoneyAmount(amount: statistics.totalSpent, currency: privateCurrency)
            lastActiveAt = statistics.lastActiveAt
        }
    }
}
