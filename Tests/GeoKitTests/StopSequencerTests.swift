import GeoKit
import Testing

@Suite("Stop sequencer")
struct StopSequencerTests {
    static let origin = Coordinate(lat: 48.85, lng: 2.35)

    static func east(_ meters: Double) -> Coordinate {
        GreatCircle.destination(from: origin, bearingDegrees: meters >= 0 ? 90 : 270, distanceMeters: abs(meters))
    }

    private static func randomJobs(count: Int, using generator: inout SeededGenerator) -> [StopSequencer.Job] {
        func place() -> Coordinate {
            GreatCircle.destination(
                from: origin, bearingDegrees: .random(in: 0..<360, using: &generator),
                distanceMeters: .random(in: 0...6_000, using: &generator))
        }
        func window() -> ClosedRange<Double>? {
            guard Bool.random(using: &generator) else { return nil }
            let opens = Double.random(in: 0...2_500, using: &generator)
            return opens...(opens + .random(in: 200...2_500, using: &generator))
        }
        return (0..<count).map { index in
            StopSequencer.Job(
                id: "job-\(index)", pickup: place(), drop: place(), pickupWindow: window(), dropWindow: window(),
                serviceSeconds: .random(in: 0...120, using: &generator))
        }
    }

    /// Checks a plan against the jobs with independent arithmetic: every stop once, pickups first, times and
    /// lateness recomputed, totals summed.
    private func expectConsistent(
        _ plan: StopSequencer.Plan, jobs: [StopSequencer.Job], speed: Double, startSeconds: Double = 0
    ) {
        #expect(plan.stops.count == 2 * jobs.count)
        var location = Self.origin
        var clock = startSeconds
        var meters = 0.0
        var picked = Set<Int>()
        var dropped = Set<Int>()
        for stop in plan.stops {
            let job = jobs[stop.jobIndex]
            #expect(stop.jobId == job.id)
            let window = stop.kind == .pickup ? job.pickupWindow : job.dropWindow
            if stop.kind == .pickup {
                #expect(picked.insert(stop.jobIndex).inserted)
                #expect(stop.coordinate == job.pickup)
            } else {
                #expect(picked.contains(stop.jobIndex), "drop of \(job.id) before its pickup")
                #expect(dropped.insert(stop.jobIndex).inserted)
                #expect(stop.coordinate == job.drop)
            }
            let leg = GreatCircle.distanceMeters(location, stop.coordinate)
            let arrival = clock + leg / speed
            #expect(abs(stop.arrivalSeconds - arrival) < 1e-6)
            #expect(abs(stop.lateBySeconds - max(0, arrival - (window?.upperBound ?? .infinity))) < 1e-5)
            let departure = max(arrival, window?.lowerBound ?? -.infinity) + job.serviceSeconds
            #expect(abs(stop.departureSeconds - departure) < 1e-6)
            (location, clock, meters) = (stop.coordinate, departure, meters + leg)
        }
        #expect(dropped.count == jobs.count)
        #expect(abs(plan.totalMeters - meters) < 1e-6)
        #expect(abs(plan.savedMeters - (plan.naiveMeters - plan.totalMeters)) < 1e-9)
        #expect(plan.feasible == plan.lateStops.isEmpty)
    }

    @Test func exactSearchMatchesBruteForce() {
        var generator = SeededGenerator(seed: 2_024)
        var feasibleCount = 0
        var infeasibleCount = 0
        for instance in 0..<40 {
            let count = instance < 8 ? 5 : 1 + instance % 4
            let jobs = Self.randomJobs(count: count, using: &generator)
            let plan = StopSequencer(speedMetersPerSecond: 8).plan(from: Self.origin, jobs: jobs)
            let reference = BruteForceSequencer(start: Self.origin, speedMetersPerSecond: 8, jobs: jobs).solve()
            expectConsistent(plan, jobs: jobs, speed: 8)
            #expect(plan.exact)
            if let best = reference.bestFeasibleMeters {
                feasibleCount += 1
                #expect(plan.feasible, "instance \(instance)")
                #expect(abs(plan.totalMeters - best) < 1e-6, "instance \(instance)")
            } else {
                infeasibleCount += 1
                #expect(!plan.feasible, "instance \(instance)")
                #expect(abs(plan.totalLateSeconds - reference.leastLateSeconds) < 1e-5, "instance \(instance)")
                #expect(abs(plan.totalMeters - reference.metersAtLeastLate) < 1e-6, "instance \(instance)")
            }
        }
        // Both branches must actually be exercised for the comparison to mean anything.
        #expect(feasibleCount >= 8 && infeasibleCount >= 8)
    }

    @Test func heuristicIsValidAndNeverBeatsTheExactAnswer() {
        var generator = SeededGenerator(seed: 77)
        for instance in 0..<30 {
            let jobs = Self.randomJobs(count: 1 + instance % 5, using: &generator)
            let heuristic = StopSequencer(speedMetersPerSecond: 8, exactJobLimit: 0).plan(from: Self.origin, jobs: jobs)
            let exact = StopSequencer(speedMetersPerSecond: 8).plan(from: Self.origin, jobs: jobs)
            expectConsistent(heuristic, jobs: jobs, speed: 8)
            #expect(!heuristic.exact)
            #expect(!heuristic.feasible || exact.feasible)
            if heuristic.feasible { #expect(heuristic.totalMeters >= exact.totalMeters - 1e-6) }
        }
    }

    @Test func windowForcesALongerOrder() {
        // A lies 1–2 km east, B 3–4 km west: east first is 1 + 1 + 5 + 1 = 8 km, west first 3 + 1 + 5 + 1 = 10 km.
        let a = StopSequencer.Job(id: "a", pickup: Self.east(1_000), drop: Self.east(2_000))
        var b = StopSequencer.Job(id: "b", pickup: Self.east(-3_000), drop: Self.east(-4_000))
        let sequencer = StopSequencer(speedMetersPerSecond: 10)
        let free = sequencer.plan(from: Self.origin, jobs: [a, b])
        #expect(free.stops.map(\.jobId) == ["a", "a", "b", "b"])
        #expect(abs(free.totalMeters - 8_000) < 1)

        b.dropWindow = 0...450  // reachable only by going west first (arrival at 400 s)
        let constrained = sequencer.plan(from: Self.origin, jobs: [a, b])
        #expect(constrained.feasible)
        #expect(constrained.stops.map(\.jobId) == ["b", "b", "a", "a"])
        #expect(abs(constrained.totalMeters - 10_000) < 1)
        #expect(abs(constrained.savedMeters - -2_000) < 1)
        expectConsistent(constrained, jobs: [a, b], speed: 10)
    }

    @Test func impossibleWindowIsReportedWithTheLateStop() throws {
        let urgent = StopSequencer.Job(
            id: "urgent", pickup: Self.east(1_000), drop: Self.east(5_000), dropWindow: 0...10)
        let plan = StopSequencer(speedMetersPerSecond: 10).plan(from: Self.origin, jobs: [urgent])
        #expect(!plan.feasible)
        let late = try #require(plan.lateStops.first)
        #expect(plan.lateStops.count == 1)
        #expect(late.jobId == "urgent" && late.kind == .drop)
        #expect(abs(late.lateBySeconds - 490) < 0.01)
    }

    @Test func earlyArrivalWaitsForTheWindow() throws {
        let job = StopSequencer.Job(
            id: "later", pickup: Self.east(1_000), drop: Self.east(2_000), pickupWindow: 600...900,
            serviceSeconds: 30)
        let plan = StopSequencer(speedMetersPerSecond: 10).plan(from: Self.origin, atSeconds: 50, jobs: [job])
        let pickup = try #require(plan.stops.first)
        #expect(abs(pickup.arrivalSeconds - 150) < 0.01)
        #expect(abs(pickup.departureSeconds - 630) < 1e-9)
        #expect(abs(plan.stops[1].arrivalSeconds - 730) < 0.01)
        #expect(plan.feasible)
    }

    @Test func thirtyJobsUseTheHeuristicAndKeepPrecedence() {
        var generator = SeededGenerator(seed: 30)
        let jobs = (0..<30).map { index in
            StopSequencer.Job(
                id: "job-\(index)",
                pickup: GreatCircle.destination(
                    from: Self.origin, bearingDegrees: .random(in: 0..<360, using: &generator),
                    distanceMeters: .random(in: 0...8_000, using: &generator)),
                drop: GreatCircle.destination(
                    from: Self.origin, bearingDegrees: .random(in: 0..<360, using: &generator),
                    distanceMeters: .random(in: 0...8_000, using: &generator)),
                serviceSeconds: 60)
        }
        let plan = StopSequencer(speedMetersPerSecond: 8).plan(from: Self.origin, jobs: jobs)
        expectConsistent(plan, jobs: jobs, speed: 8)
        #expect(!plan.exact && plan.feasible)
        // Without windows the naive order is feasible, so the plan can only be shorter.
        #expect(plan.savedMeters > 0)
        #expect(plan.totalMeters < plan.naiveMeters / 2)
    }

    @Test func savedIsNonNegativeWhenTheNaiveOrderIsFeasible() {
        var generator = SeededGenerator(seed: 5)
        for instance in 0..<20 {
            let jobs = Self.randomJobs(count: 2 + instance % 8, using: &generator).map { job in
                var loose = job
                loose.dropWindow = job.dropWindow.map { $0.lowerBound...($0.upperBound + 100_000) }
                loose.pickupWindow = nil
                return loose
            }
            let plan = StopSequencer(speedMetersPerSecond: 8).plan(from: Self.origin, jobs: jobs)
            #expect(plan.feasible)
            #expect(plan.savedMeters >= -1e-6, "instance \(instance)")
        }
    }

    @Test func noJobsIsAnEmptyFeasiblePlan() {
        let plan = StopSequencer(speedMetersPerSecond: 0).plan(from: Self.origin, jobs: [])
        #expect(plan.stops.isEmpty && plan.feasible && plan.totalMeters == 0 && plan.savedMeters == 0)
    }
}
