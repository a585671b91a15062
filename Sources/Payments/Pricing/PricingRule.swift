import Foundation

/// One pricing factor as the engine reads it: a value snapshot of a `pricing_factors` row.
public struct PricingRule: Sendable, Equatable, Codable {
    public var code: String
    public var kind: PricingFactorKind
    public var description: String
    public var value: Int64
    public var condition: PricingCondition
    public var position: Int
    public var active: Bool
    public var effectiveFrom: Date?
    public var effectiveUntil: Date?

    public init(
        code: String, kind: PricingFactorKind, description: String, value: Int64,
        condition: PricingCondition = PricingCondition(), position: Int, active: Bool = true,
        effectiveFrom: Date? = nil, effectiveUntil: Date? = nil
    ) {
        self.code = code
        self.kind = kind
        self.description = description
        self.value = value
        self.condition = condition
        self.position = position
        self.active = active
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
    }

    /// Active, and `now` inside its effective window (a campaign's dates).
    public func isLive(at now: Date) -> Bool {
        guard active else { return false }
        if let effectiveFrom, now < effectiveFrom { return false }
        if let effectiveUntil, now >= effectiveUntil { return false }
        return true
    }
}

/// Every pricing factor at one moment, the engine's whole configuration for one quote.
public struct PricingFactorSet: Sendable, Equatable {
    /// In `position` order, then by code.
    public let rules: [PricingRule]

    public init(_ rules: [PricingRule]) {
        self.rules = rules.sorted { ($0.position, $0.code) < ($1.position, $1.code) }
    }

    /// The factors a new installation starts with (`DefaultPricingFactors`).
    public static let defaults = PricingFactorSet(DefaultPricingFactors.rules)

    /// The live row of a singleton kind (the fee schedule's rates, the range's ends).
    func singleton(_ kind: PricingFactorKind, at now: Date) -> PricingRule? {
        rules.first { $0.kind == kind && $0.isLive(at: now) }
    }

    /// The value of a singleton kind, or `fallback` when its row is switched off.
    func value(of kind: PricingFactorKind, at now: Date, else fallback: Int64) -> Int64 {
        singleton(kind, at: now)?.value ?? fallback
    }

    /// The rates a charge is computed with, from the commission, processing and insurance rows; a row switched
    /// off charges nothing.
    public func feeSchedule(at now: Date) -> FeeSchedule {
        FeeSchedule(
            commissionBasisPoints: value(of: .commission, at: now, else: 0),
            processingBasisPoints: value(of: .processingRate, at: now, else: 0),
            processingFixed: value(of: .processingFixed, at: now, else: 0),
            insuranceBasisPoints: value(of: .insuranceRate, at: now, else: 0),
            insuranceMinimum: value(of: .insuranceMinimum, at: now, else: 0))
    }
}
