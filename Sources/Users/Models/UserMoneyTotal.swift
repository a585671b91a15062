import Fluent
import Foundation

/// A row of `user_money_totals`: what a member has earned and spent in one currency, in minor units.
final class UserMoneyTotal: Model, @unchecked Sendable {
    static let schema = "user_money_totals"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userId: UUID
    @Field(key: "currency") var currency: String
    @Field(key: "total_earnings") var totalEarnings: Int64
    @Field(key: "total_spent") var totalSpent: Int64
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
