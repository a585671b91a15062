import Foundation
import Platform
import Vapor

/// `PATCH /admin/pricing-factors/{factorId}`: the fields to change; absent fields stay as they are.
public struct PricingFactorInput: Content, Sendable {
    public var value: Int64?
    public var active: Bool?
    public var description: String?
    /// Replaces the whole condition.
    public var condition: PricingCondition?
    /// ISO-8601 timestamps; read as text so that a malformed one is a 422 naming the field.
    public var effectiveFrom: String?
    public var effectiveUntil: String?
    /// Why, for the factor's history.
    public var reason: String?

    public init(value: Int64? = nil, active: Bool? = nil, reason: String? = nil) {
        self.value = value
        self.active = active
        self.reason = reason
    }

    /// The row after this edit, or a 422 with every broken rule.
    func applied(to rule: PricingRule) throws -> PricingRule {
        var check = RuleCheck()
        var edited = rule
        let changes = [
            value != nil, active != nil, description != nil, condition != nil, effectiveFrom != nil,
            effectiveUntil != nil,
        ]
        check.require(
            changes.contains(true),
            "give at least one of value, active, description, condition, effectiveFrom, effectiveUntil")
        if let value {
            let allowed = rule.kind.allowedValues
            check.require(
                allowed.contains(value),
                "value must be \(allowed.lowerBound) to \(allowed.upperBound) (\(rule.kind.unit))"
                    + " for a \(rule.kind.rawValue) factor")
            edited.value = value
        }
        if let active { edited.active = active }
        if let description {
            let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
            check.require((1...200).contains(text.count), "description must be 1 to 200 characters")
            edited.description = text
        }
        if let condition {
            for problem in condition.problems() { check.fail(problem) }
            edited.condition = condition
        }
        if let from = ISOTimestamp.parse(effectiveFrom, field: "effectiveFrom", required: false, into: &check) {
            edited.effectiveFrom = from
        }
        if let until = ISOTimestamp.parse(effectiveUntil, field: "effectiveUntil", required: false, into: &check) {
            edited.effectiveUntil = until
        }
        if let from = edited.effectiveFrom, let until = edited.effectiveUntil {
            check.require(until > from, "effectiveUntil must be after effectiveFrom")
        }
        if let reason {
            check.require(
                reason.trimmingCharacters(in: .whitespacesAndNewlines).count <= 500,
                "reason must be at most 500 characters")
        }
        try check.throwIfBroken()
        return edited
    }
}

extension PricingFactorInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "value": FieldRule.integer(0...100_000_000).described(
                "the range depends on the factor's kind (see allowedValues in the factor)"),
            "description": .text(1...200), "reason": .text(upTo: 500),
            "effectiveFrom": .format("date-time"),
            "effectiveUntil": FieldRule.format("date-time").described("after effectiveFrom"),
        ]
    }
}

extension PricingCondition: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "fromKm": .number(0...100_000), "toKm": .number(0...100_000), "fromKg": .number(0...100_000),
            "fromLitres": .number(0...100_000), "months": .list(0...12, each: .integer(1...12)),
            "weekdays": .list(0...7, each: .integer(1...7)), "minRating": .number(0...5),
            "maxCompletedDeliveries": .integer(0...1_000_000), "minDetourRatio": .number(0...1_000),
            "minDemandRatio": .number(0...1_000), "maxDemandRatio": .number(0...1_000),
            "weather": .list(0...4, each: .oneOf(PricingCondition.weatherConditions)),
        ]
    }
}
