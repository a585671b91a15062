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
    /// In the currency of the member's first payment or earnings (their preferred currency before any).
    public var totalEarnings: Money?
    /// Paid for deliveries, less refunds.
    public var totalSpent: Money?
    /// The same totals for every currency the member has used.
    public var moneyByCurrency: [MoneyTotals]?
    public var lastActiveAt: Date?

    public struct MoneyTotals: Content, Sendable {
        public var currency: String
        public var totalEarnings: Int64
        public var totalSpent: Int64
    }

    /// `privateCurrency` (the member's preferred currency) fills the private figures; nil leaves them out.
    init(
        _ statistics: UserStatistics, memberSince: Date?, privateCurrency: String?, totals: [UserMoneyTotal] = []
    ) {
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
            let currency = Currency(code: statistics.currency ?? privateCurrency) ?? .eur
            totalEarnings = Money(amount: statistics.totalEarnings, currency: currency)
            totalSpent = Money(amount: statistics.totalSpent, currency: currency)
            moneyByCurrency = totals.map {
                MoneyTotals(currency: $0.currency, totalEarnings: $0.totalEarnings, totalSpent: $0.totalSpent)
            }
            lastActiveAt = statistics.lastActiveAt
        }
    }
}
