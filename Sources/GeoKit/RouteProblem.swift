import Foundation

/// The sequencing instance in arrays: stop `2k` is job k's pickup, stop `2k + 1` its drop, and location 0 is the
/// start (stop `s` is location `s + 1`).
struct RouteProblem: Sendable {
    let stopCount: Int
    let startSeconds: Double
    let secondsPerMeter: Double
    let earliest: [Double]
    let latest: [Double]
    let serviceSeconds: [Double]
    private let locationCount: Int
    private let distances: [Double]

    /// A stop counts as on time when it is at most this late, so rounding does not flag a route as infeasible.
    static let onTimeToleranceSeconds = 1e-6

    init(start: Coordinate, startSeconds: Double, speedMetersPerSecond: Double, jobs: [StopSequencer.Job]) {
        let coordinates = [start] + jobs.flatMap { [$0.pickup, $0.drop] }
        let windows = jobs.flatMap { [$0.pickupWindow, $0.dropWindow] }
        stopCount = 2 * jobs.count
        locationCount = coordinates.count
        self.startSeconds = startSeconds
        secondsPerMeter = 1 / speedMetersPerSecond
        earliest = windows.map { $0?.lowerBound ?? -.infinity }
        latest = windows.map { $0?.upperBound ?? .infinity }
        serviceSeconds = jobs.flatMap { [max(0, $0.serviceSeconds), max(0, $0.serviceSeconds)] }
        var distances = [Double](repeating: 0, count: coordinates.count * coordinates.count)
        for from in coordinates.indices {
            for to in coordinates.indices where to > from {
                let meters = GreatCircle.distanceMeters(coordinates[from], coordinates[to])
                distances[from * coordinates.count + to] = meters
                distances[to * coordinates.count + from] = meters
            }
        }
        self.distances = distances
    }

    /// Metres between two locations (0 is the start, `s + 1` is stop `s`).
    func meters(fromLocation from: Int, toLocation to: Int) -> Double {
        distances[from * locationCount + to]
    }

    /// The visit of `stop` when leaving `location` at `departureSeconds`: arrival, departure and lateness.
    func visit(
        _ stop: Int, from location: Int, leavingAt departureSeconds: Double
    ) -> (
        meters: Double, arrival: Double, departure: Double, late: Double
    ) {
        let meters = meters(fromLocation: location, toLocation: stop + 1)
        let arrival = departureSeconds + meters * secondsPerMeter
        let overdue = arrival - latest[stop]
        let late = overdue > Self.onTimeToleranceSeconds ? overdue : 0
        return (meters, arrival, max(arrival, earliest[stop]) + serviceSeconds[stop], late)
    }

    static func isPickup(_ stop: Int) -> Bool { stop % 2 == 0 }

    /// The traveller's situation after some stops: where, when, and what the route has cost so far.
    struct Progress {
        var location = 0
        var clock: Double
        var cost = RouteCost(lateSeconds: 0, meters: 0)
    }

    /// The progress before any stop.
    var origin: Progress { Progress(clock: startSeconds) }

    /// The progress after also visiting `stop`.
    func advance(_ progress: Progress, visiting stop: Int) -> Progress {
        let visit = visit(stop, from: progress.location, leavingAt: progress.clock)
        var next = progress
        next.location = stop + 1
        next.clock = visit.departure
        next.cost.meters += visit.meters
        next.cost.lateSeconds += visit.late
        return next
    }

    /// The progress before each position of `route` and after its end (`route.count + 1` entries), so a candidate
    /// insertion is costed from its position on instead of from the start.
    func prefixes(of route: [Int]) -> [Progress] {
        var result = [origin]
        result.reserveCapacity(route.count + 1)
        for stop in route { result.append(advance(result[result.count - 1], visiting: stop)) }
        return result
    }

    /// The cost of finishing `route` from `position` on, starting at `progress`; nil as soon as the running cost
    /// shows it cannot beat `bound`.
    func completion(
        of route: [Int], from position: Int, after progress: Progress, bound: RouteCost = .unbounded
    ) -> RouteCost? {
        if progress.cost.cannotBeat(bound) { return nil }
        var current = progress
        for stop in route[position...] {
            current = advance(current, visiting: stop)
            if current.cost.cannotBeat(bound) { return nil }
        }
        return current.cost
    }

    /// The cost of a complete route.
    func cost(of route: [Int]) -> RouteCost {
        route.reduce(origin) { advance($0, visiting: $1) }.cost
    }
}
