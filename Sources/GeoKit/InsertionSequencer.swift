import Foundation

/// Heuristic sequencing for many jobs: cheapest insertion, then local moves that keep every pickup before its drop.
///
/// Costs compare lateness first and length second, so while a feasible route exists the cheapest insertion is
/// the cheapest feasible one. The search also improves the naive order and keeps the better result, so the plan
/// is never worse than the order as given.
struct InsertionSequencer {
    let problem: RouteProblem
    /// Full passes of the local search; each pass must improve the route, so this only bounds pathological cases.
    var maximumPasses = 50

    func bestRoute() -> [Int] {
        let jobCount = problem.stopCount / 2
        // Urgent jobs first: deadlines placed early shape a feasible skeleton the others can fit around.
        let order = (0..<jobCount).sorted { deadline(of: $0) < deadline(of: $1) }
        var constructed: [Int] = []
        for job in order { constructed = bestInsertion(of: job, into: constructed).route }
        let fromInsertion = improved(constructed)
        let fromNaive = improved(Array(0..<problem.stopCount))
        return problem.cost(of: fromNaive).isBetter(than: problem.cost(of: fromInsertion)) ? fromNaive : fromInsertion
    }

    private func deadline(of job: Int) -> (Double, Double, Int) {
        (min(problem.latest[2 * job], problem.latest[2 * job + 1]), problem.latest[2 * job + 1], job)
    }

    /// The cheapest way to add `job`'s pickup and drop to `route`, with its cost (`.unbounded` when no placement
    /// beats `bound`).
    ///
    /// For each pickup position the drop is slid forward one base stop at a time, carrying the progress along, so
    /// each candidate only walks the stops after its drop.
    private func bestInsertion(
        of job: Int, into route: [Int], bound: RouteCost = .unbounded
    ) -> (
        route: [Int], cost: RouteCost
    ) {
        let prefixes = problem.prefixes(of: route)
        var best: (pickupAt: Int, dropAt: Int, cost: RouteCost)?
        for pickupAt in 0...route.count {
            var carried = problem.advance(prefixes[pickupAt], visiting: 2 * job)
            for dropAt in pickupAt...route.count {
                let limit = best?.cost ?? bound
                // Costs only grow along the route, so once the carried part cannot win, later drops cannot either.
                if carried.cost.cannotBeat(limit) { break }
                let withDrop = problem.advance(carried, visiting: 2 * job + 1)
                if let cost = problem.completion(of: route, from: dropAt, after: withDrop, bound: limit) {
                    best = (pickupAt, dropAt, cost)
                }
                if dropAt < route.count { carried = problem.advance(carried, visiting: route[dropAt]) }
            }
        }
        guard let best else { return (route, .unbounded) }
        var result = route
        result.insert(2 * job + 1, at: best.dropAt)
        result.insert(2 * job, at: best.pickupAt)
        return (result, best.cost)
    }

    /// Repeats job relocation and single-stop moves until neither improves the route.
    private func improved(_ start: [Int]) -> [Int] {
        var route = start
        var cost = problem.cost(of: route)
        for _ in 0..<maximumPasses {
            var changed = false
            for job in 0..<(problem.stopCount / 2) {
                let without = route.filter { $0 / 2 != job }
                let candidate = bestInsertion(of: job, into: without, bound: cost)
                if candidate.cost.isBetter(than: cost) {
                    (route, cost, changed) = (candidate.route, candidate.cost, true)
                }
            }
            for stop in 0..<problem.stopCount {
                if let candidate = bestMove(of: stop, in: route, bound: cost) {
                    (route, cost, changed) = (candidate.route, candidate.cost, true)
                }
            }
            if !changed { break }
        }
        return route
    }

    /// The best position for one stop within the range its partner allows, if it beats `bound`.
    private func bestMove(of stop: Int, in route: [Int], bound: RouteCost) -> (route: [Int], cost: RouteCost)? {
        guard let current = route.firstIndex(of: stop) else { return nil }
        var without = route
        without.remove(at: current)
        let partner = RouteProblem.isPickup(stop) ? stop + 1 : stop - 1
        guard let partnerAt = without.firstIndex(of: partner) else { return nil }
        // A pickup may go anywhere up to its drop; a drop anywhere after its pickup.
        let positions = RouteProblem.isPickup(stop) ? 0...partnerAt : (partnerAt + 1)...without.count
        let prefixes = problem.prefixes(of: without)
        var best: (position: Int, cost: RouteCost)?
        for position in positions {
            let moved = problem.advance(prefixes[position], visiting: stop)
            guard let cost = problem.completion(of: without, from: position, after: moved, bound: best?.cost ?? bound)
            else { continue }
            best = (position, cost)
        }
        guard let best else { return nil }
        without.insert(stop, at: best.position)
        return (without, best.cost)
    }
}
