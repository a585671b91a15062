import Fluent
import Platform

/// Money totals get their currency: `user_statistics.currency` names the currency of `total_earnings` and
/// `total_spent` (the currency of the member's first payment or earnings; null until then), and
/// `user_money_totals` keeps the same totals for every currency the member has used.
/// Listed in the app's `Modules.additions`: it came after the module had shipped.
public struct AddUserMoneyTotals: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("user_statistics").field("currency", .string).update()
        try await database.schema("user_money_totals")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("currency", .string, .required)
            .field("total_earnings", .int64, .required)
            .field("total_spent", .int64, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id", "currency")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("user_money_totals").delete()
        try await database.schema("user_statistics").deleteField("currency").update()
    }
}
