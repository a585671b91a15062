import Auth
import Fluent
import Foundation

/// Aggregated activity of a user (`user_statistics`), kept up to date by the modules that own deliveries,
/// trips and reviews. Money columns hold `Int64` minor units (DESIGN.md), not the schema's decimal.
final class UserStatistics: Model, @unchecked Sendable {
    static let schema = "user_statistics"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Parent(key: "user_id") var user: User
    @Field(key: "total_trips") var totalTrips: Int
    @Field(key: "total_deliveries") var totalDeliveries: Int
    @Field(key: "successful_deliveries") var successfulDeliveries: Int
    @Field(key: "cancelled_deliveries") var cancelledDeliveries: Int
    /// Minor units of `currency`.
    @Field(key: "total_earnings") var totalEarnings: Int64
    /// Minor units of `currency`: paid for deliveries, less refunds.
    @Field(key: "total_spent") var totalSpent: Int64
    /// The currency of the two totals: that of the member's first payment or earnings, nil before any.
    /// `user_money_totals` holds the totals of every currency.
    @OptionalField(key: "currency") var currency: String?
    /// 0 when there are no ratings yet.
    @Field(key: "average_rating") var averageRating: Double
    @Field(key: "total_ratings") var totalRatings: Int
    @OptionalField(key: "response_time_minutes") var responseTimeMinutes: Int?
    /// Share of deliveries completed successfully, 0…1.
    @Field(key: "completion_rate") var completionRate: Double
    @OptionalField(key: "last_active_at") var lastActiveAt: Date?

    init() {}

    init(userId: UUID) {
        self.$user.id = userId
        totalTrips = 0
        totalDeliveries = 0
        successfulDeliveries = 0
        cancelledDeliveries = 0
        totalEarnings = 0
        totalSpent = 0
        averageRating = 0
        totalRatings = 0
        completionRate = 0
    }
}
