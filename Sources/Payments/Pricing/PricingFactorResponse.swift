import Foundation
import Platform
import Vapor

/// A pricing factor as admins see it, with what its value means and the values it may take.
public struct PricingFactorResponse: Content, Sendable {
    public struct Range: Content, Sendable {
        public var min: Int64
        public var max: Int64
    }

    public var id: UUID
    public var code: String
    public var kind: PricingFactorKind
    public var unit: String
    public var description: String
    public var value: Int64
    public var allowedValues: Range
    public var condition: PricingCondition
    public var position: Int
    public var active: Bool
    public var effectiveFrom: Date?
    public var effectiveUntil: Date?
    public var version: Int
    public var updatedBy: UUID?
    public var updatedAt: Date

    public init(_ factor: PricingFactor) throws {
        id = try factor.requireID()
        code = factor.code
        kind = factor.kind
        unit = factor.kind.unit
        description = factor.description
        value = factor.value
        allowedValues = Range(min: factor.kind.allowedValues.lowerBound, max: factor.kind.allowedValues.upperBound)
        condition = factor.condition
        position = factor.position
        active = factor.active
        effectiveFrom = factor.effectiveFrom
        effectiveUntil = factor.effectiveUntil
        version = factor.version
        updatedBy = factor.updatedBy
        updatedAt = factor.updatedAt
    }
}

/// One edit in a factor's history.
public struct PricingFactorChangeResponse: Content, Sendable {
    public var id: UUID
    public var factorId: UUID
    public var code: String
    public var changedBy: UUID?
    public var reason: String?
    public var before: PricingRule
    public var after: PricingRule
    public var version: Int
    public var createdAt: Date

    public init(_ change: PricingFactorChange) throws {
        id = try change.requireID()
        factorId = change.factorId
        code = change.code
        changedBy = change.changedBy
        reason = change.reason
        before = change.before
        after = change.after
        version = change.version
        createdAt = change.createdAt
    }
}
