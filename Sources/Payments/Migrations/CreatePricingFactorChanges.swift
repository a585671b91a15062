import Fluent
import Foundation
import Platform

/// `pricing_factor_changes`: every admin edit of a pricing factor, with the factor before and after.
struct CreatePricingFactorChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pricing_factor_changes")
            .id()
            .field("factor_id", .uuid, .required, .references("pricing_factors", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("changed_by", .uuid)
            .field("reason", .string)
            .field("before", .json, .required)
            .field("after", .json, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(
            on: "pricing_factor_changes", name: "pricing_factor_changes_factor", columns: ["factor_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("pricing_factor_changes").delete()
    }
}
