import Fluent
import Foundation
import Platform
import SQLKit

/// `pricing_factors`: the tariff as rows, one factor each, seeded with `DefaultPricingFactors`.
///
/// The seed schema sketches one wide row per route, category and urgency (`base_price`,
/// `distance_multiplier`…); a row per factor instead lets every factor have its own condition, switch and
/// history, and lets the breakdown name the row behind each amount. Values are integers (price units, basis
/// points, parts per 10 000, minor units by `kind`), never decimals.
struct CreatePricingFactors: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pricing_factors")
            .id()
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .field("value", .int64, .required)
            .field("condition", .json, .required)
            .field("position", .int, .required)
            .field("active", .bool, .required)
            .field("effective_from", .datetime)
            .field("effective_until", .datetime)
            .field("version", .int, .required)
            .field("updated_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime, .required)
            .unique(on: "code")
            .create()
        // Written as plain rows, not through the model: this migration must keep working as the model grows.
        let now = Date()
        for rule in DefaultPricingFactors.rules {
            try await database.sqlDatabase.insert(into: "pricing_factors")
                .columns(
                    "id", "code", "kind", "description", "value", "condition", "position", "active", "version",
                    "created_at", "updated_at"
                )
                .values(
                    SQLBind(UUID()), SQLBind(rule.code), SQLBind(rule.kind.rawValue), SQLBind(rule.description),
                    SQLBind(rule.value), SQLBind(rule.condition), SQLBind(rule.position), SQLBind(rule.active),
                    SQLBind(1), SQLBind(now), SQLBind(now)
                )
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("pricing_factors").delete()
    }
}
