import Foundation

/// What a route costs: lateness first, then length, compared with small tolerances so rounding cannot make the
/// local search cycle.
struct RouteCost: Sendable {
    /// Summed lateness of all stops, in seconds.
    var lateSeconds: Double
    /// Route length in metres.
    var meters: Double

    static let lateToleranceSeconds = 1e-6
    static let metersTolerance = 1e-6
    static let unbounded = RouteCost(lateSeconds: .infinity, meters: .infinity)

    /// Strictly better: clearly less late, or not later and clearly shorter.
    func isBetter(than other: RouteCost) -> Bool {
        if lateSeconds < other.lateSeconds - Self.lateToleranceSeconds { return true }
        return lateSeconds <= other.lateSeconds + Self.lateToleranceSeconds
            && meters < other.meters - Self.metersTolerance
    }

    /// For a partial route whose costs can only grow: whether no completion of it can be better than `bound`.
    func cannotBeat(_ bound: RouteCost) -> Bool {
        lateSeconds > bound.lateSeconds + Self.lateToleranceSeconds
            || (lateSeconds >= bound.lateSeconds - Self.lateToleranceSeconds
                && meters >= bound.meters - Self.metersTolerance)
    }
}
