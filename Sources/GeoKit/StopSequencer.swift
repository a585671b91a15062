import Foundation

/// Orders a traveller's pickups and drops: every pickup before its drop, within time windows, shortest first.
///
/// Travel time is great-circle distance over a constant speed. Arriving before a window opens waits for it;
/// arriving after it closes is late. Among orders that keep every window the shortest is chosen; when none keeps
/// them all, the order with the least total lateness (then the shortest) is returned, marked infeasible.
/// Up to `exactJobLimit` jobs the answer is exact; beyond, a heuristic is used.
public struct StopSequencer: Sendable {
    /// The most jobs the exact search accepts; its work grows as 4ⁿ, so this is a hard ceiling.
    public static let maximumExactJobLimit = 8

    /// Travel speed used for every leg.
    public let speedMetersPerSecond: Double
    /// Job counts up to this are solved exactly (clamped to 0...`maximumExactJobLimit`).
    public let exactJobLimit: Int

    /// Creates a sequencer. Speeds below 0.1 m/s (or NaN) are raised to 0.1 m/s so that times stay finite.
    public init(speedMetersPerSecond: Double, exactJobLimit: Int = 7) {
        self.speedMetersPerSecond = speedMetersPerSecond >= 0.1 ? speedMetersPerSecond : 0.1
        self.exactJobLimit = min(Self.maximumExactJobLimit, max(0, exactJobLimit))
    }

    /// Plans the visit of every job's pickup and drop, starting at `start` at `startSeconds` (0 = now, on the
    /// same clock as the jobs' windows).
    public func plan(from start: Coordinate, atSeconds startSeconds: Double = 0, jobs: [Job]) -> Plan {
        let problem = RouteProblem(
            start: start, startSeconds: startSeconds, speedMetersPerSecond: speedMetersPerSecond, jobs: jobs)
        let exact = jobs.count <= exactJobLimit
        let route: [Int]
        if exact {
            let sequencer = ExactSequencer(problem: problem)
            route = sequencer.bestRoute(hardWindows: true) ?? sequencer.bestRoute(hardWindows: false) ?? []
        } else {
            route = InsertionSequencer(problem: problem).bestRoute()
        }
        return Self.plan(visiting: route, of: jobs, problem: problem, exact: exact)
    }

    /// Schedules `route` and reports it.
    private static func plan(visiting route: [Int], of jobs: [Job], problem: RouteProblem, exact: Bool) -> Plan {
        var stops: [Stop] = []
        var location = 0
        var clock = problem.startSeconds
        var totalMeters = 0.0
        for stopIndex in route {
            let visit = problem.visit(stopIndex, from: location, leavingAt: clock)
            let job = jobs[stopIndex / 2]
            let isPickup = RouteProblem.isPickup(stopIndex)
            stops.append(
                Stop(
                    jobIndex: stopIndex / 2, jobId: job.id, kind: isPickup ? .pickup : .drop,
                    coordinate: isPickup ? job.pickup : job.drop, arrivalSeconds: visit.arrival,
                    departureSeconds: visit.departure, lateBySeconds: visit.late))
            totalMeters += visit.meters
            location = stopIndex + 1
            clock = visit.departure
        }
        let naiveMeters = problem.cost(of: Array(0..<problem.stopCount)).meters
        return Plan(
            stops: stops, totalMeters: totalMeters, naiveMeters: naiveMeters, savedMeters: naiveMeters - totalMeters,
            feasible: stops.allSatisfy { $0.lateBySeconds == 0 }, exact: exact)
    }
}
