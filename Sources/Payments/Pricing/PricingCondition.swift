import Foundation

/// When a pricing factor applies: every field given must hold, and an absent field holds always.
///
/// For `per_km`, `per_kg` and `per_litre` factors the bounds (`fromKm`/`toKm`, `fromKg`, `fromLitres`) say which
/// part of the measure is charged (the kilometres between 0 and 500, the litres above 50); for every other kind
/// they say when the factor applies at all. A condition on something the quote does not know (a traveler's
/// rating when no trip is named, the weather when none is known) does not hold.
public struct PricingCondition: Codable, Sendable, Equatable {
    public var categories: [String]?
    public var urgencies: [String]?
    public var fragile: Bool?
    public var perishable: Bool?
    /// The customer lets the traveler choose the pickup time within the window.
    public var flexible: Bool?
    public var fromKm: Double?
    public var toKm: Double?
    public var fromKg: Double?
    public var fromLitres: Double?
    /// Months of the pickup, 1 (January) to 12.
    public var months: [Int]?
    /// ISO weekdays of the pickup, 1 (Monday) to 7 (Sunday).
    public var weekdays: [Int]?
    /// The traveler's average rating is at least this.
    public var minRating: Double?
    /// The traveler has completed at most this many deliveries.
    public var maxCompletedDeliveries: Int?
    /// The trip's detour for the item is at least this share of the trip's own distance.
    public var minDetourRatio: Double?
    /// Open requests per trip on the route, at least / at most this.
    public var minDemandRatio: Double?
    public var maxDemandRatio: Double?
    /// Travel conditions of the trip's weather (`good`, `fair`, `poor`, `severe`).
    public var weather: [String]?
    /// The customer has no delivery yet.
    public var firstDelivery: Bool?

    public init() {}

    /// True when every stated condition holds for `facts`.
    public func holds(for facts: PricingFacts) -> Bool {
        if let categories, !categories.contains(facts.category) { return false }
        if let urgencies, !urgencies.contains(facts.urgency) { return false }
        if let fragile, fragile != facts.fragile { return false }
        if let perishable, perishable != facts.perishable { return false }
        if let flexible, flexible != facts.flexible { return false }
        if let months {
            guard let month = facts.pickupMonth, months.contains(month) else { return false }
        }
        if let weekdays {
            guard let weekday = facts.pickupWeekday, weekdays.contains(weekday) else { return false }
        }
        if let minRating {
            guard let rating = facts.travelerRating, rating >= minRating else { return false }
        }
        if let maxCompletedDeliveries {
            guard let done = facts.travelerCompletedDeliveries, done <= maxCompletedDeliveries else { return false }
        }
        if let minDetourRatio {
            guard let ratio = facts.detourRatio, ratio >= minDetourRatio else { return false }
        }
        if minDemandRatio != nil || maxDemandRatio != nil {
            guard let ratio = facts.demandRatio else { return false }
            if let minDemandRatio, ratio < minDemandRatio { return false }
            if let maxDemandRatio, ratio > maxDemandRatio { return false }
        }
        if let weather {
            guard let conditions = facts.weather, weather.contains(conditions) else { return false }
        }
        if let firstDelivery {
            guard let first = facts.firstDelivery, first == firstDelivery else { return false }
        }
        return true
    }

    /// Whether a multiplier or a fixed amount applies at `distanceKm`, `weightKg` and `volumeLitres`: the
    /// bounds as a predicate (lower bound inclusive, upper exclusive).
    func measuresHold(for facts: PricingFacts) -> Bool {
        if let fromKm, facts.distanceKm < fromKm { return false }
        if let toKm, facts.distanceKm >= toKm { return false }
        if let fromKg, facts.weightKg < fromKg { return false }
        if let fromLitres, facts.volumeLitres < fromLitres { return false }
        return true
    }

    /// Rule messages for a condition an admin wrote, one per broken rule.
    public func problems() -> [String] {
        var problems: [String] = []
        for (name, bound) in [("fromKm", fromKm), ("toKm", toKm), ("fromKg", fromKg), ("fromLitres", fromLitres)] {
            if let bound, !(bound.isFinite && bound >= 0 && bound <= 100_000) {
                problems.append("condition.\(name) must be between 0 and 100000")
            }
        }
        if let fromKm, let toKm, toKm <= fromKm { problems.append("condition.toKm must be above condition.fromKm") }
        if let months, !months.allSatisfy({ (1...12).contains($0) }) {
            problems.append("condition.months must be 1 to 12")
        }
        if let weekdays, !weekdays.allSatisfy({ (1...7).contains($0) }) {
            problems.append("condition.weekdays must be 1 (Monday) to 7 (Sunday)")
        }
        if let minRating, !(0...5).contains(minRating) { problems.append("condition.minRating must be 0 to 5") }
        if let maxCompletedDeliveries, maxCompletedDeliveries < 0 {
            problems.append("condition.maxCompletedDeliveries must not be negative")
        }
        for (name, ratio) in [
            ("minDetourRatio", minDetourRatio), ("minDemandRatio", minDemandRatio), ("maxDemandRatio", maxDemandRatio),
        ] {
            if let ratio, !(ratio.isFinite && ratio >= 0 && ratio <= 1_000) {
                problems.append("condition.\(name) must be between 0 and 1000")
            }
        }
        if let weather, !weather.allSatisfy(Self.weatherConditions.contains) {
            problems.append("condition.weather must list \(Self.weatherConditions.joined(separator: ", "))")
        }
        return problems
    }

    /// The travel conditions a trip's weather is summarised as.
    public static let weatherConditions = ["good", "fair", "poor", "severe"]
}
