import Fluent
import Foundation

/// A row of `pricing_factors`: one factor of the tariff, edited by admins (see `PricingFactorKind` for what
/// `value` means per kind, `PricingCondition` for when it applies).
///
/// `version` counts the row's edits; the factor cache compares the table's total of versions with the one it
/// loaded, so an edit on any node is read by the next quote everywhere.
public final class PricingFactor: Model, @unchecked Sendable {
    public static let schema = "pricing_factors"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "updated_at") public var updatedAt: Date

    // data fields
    @Field(key: "code") public var code: String
    @Enum(key: "kind") public var kind: PricingFactorKind
    @Field(key: "description") public var description: String
    @Field(key: "value") public var value: Int64
    @Field(key: "condition") public var condition: PricingCondition
    @Field(key: "position") public var position: Int
    @Field(key: "active") public var active: Bool
    @OptionalField(key: "effective_from") public var effectiveFrom: Date?
    @OptionalField(key: "effective_until") public var effectiveUntil: Date?
    @Field(key: "version") public var version: Int
    /// The admin who made the last edit; nil for the seeded row.
    @OptionalField(key: "updated_by") public var updatedBy: UUID?

    public init() {}

    /// The row as the engine reads it.
    public var rule: PricingRule {
        PricingRule(
            code: code, kind: kind, description: description, value: value, condition: condition, position: position,
            active: active, effectiveFrom: effectiveFrom, effectiveUntil: effectiveUntil)
    }
}
