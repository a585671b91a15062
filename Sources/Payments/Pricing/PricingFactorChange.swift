import Fluent
import Foundation

/// A row of `pricing_factor_changes`: one admin edit of a pricing factor, who made it, why, and the factor
/// before and after. Rows are never updated or deleted.
public final class PricingFactorChange: Model, @unchecked Sendable {
    public static let schema = "pricing_factor_changes"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date

    // data fields
    @Field(key: "factor_id") public var factorId: UUID
    @Field(key: "code") public var code: String
    @OptionalField(key: "changed_by") public var changedBy: UUID?
    @OptionalField(key: "reason") public var reason: String?
    @Field(key: "before") public var before: PricingRule
    @Field(key: "after") public var after: PricingRule
    /// The factor's version after the edit.
    @Field(key: "version") public var version: Int

    public init() {}
}
