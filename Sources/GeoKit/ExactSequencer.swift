import Foundation

/// Exact sequencing by dynamic programming over (visited stops, last stop) states.
///
/// Waiting for windows makes the time at a state depend on the path, so one best value per state is not enough:
/// each state keeps every label not dominated in (lateness, metres, time). Lateness and distance can only grow
/// with later arrivals, so a dominated label can never lead to a better completion and dropping it keeps the
/// search exact. States are visited in increasing mask order, which settles every state before it is extended.
struct ExactSequencer {
    private struct Label {
        var late: Double
        var meters: Double
        var clock: Double
        var parentState: Int
        var parentLabel: Int
    }

    let problem: RouteProblem

    /// The best route that keeps every window (`hardWindows`), or the least-late route when none does; nil when
    /// `hardWindows` is set and no route keeps them all.
    func bestRoute(hardWindows: Bool) -> [Int]? {
        let stops = problem.stopCount
        guard stops > 0 else { return [] }
        let fullMask = (1 << stops) - 1
        var labels = [[Label]](repeating: [], count: (fullMask + 1) * stops)
        for pickup in stride(from: 0, to: stops, by: 2) {
            let root = Label(late: 0, meters: 0, clock: problem.startSeconds, parentState: -1, parentLabel: -1)
            extend(root, from: 0, toStop: pickup, mask: 0, parent: (-1, -1), hardWindows: hardWindows, into: &labels)
        }
        for mask in 1...fullMask where isClosedUnderPrecedence(mask) {
            for last in 0..<stops where mask & (1 << last) != 0 {
                let state = mask * stops + last
                for (labelIndex, label) in labels[state].enumerated() {
                    for next in 0..<stops where mask & (1 << next) == 0 {
                        guard RouteProblem.isPickup(next) || mask & (1 << (next - 1)) != 0 else { continue }
                        extend(
                            label, from: last + 1, toStop: next, mask: mask, parent: (state, labelIndex),
                            hardWindows: hardWindows, into: &labels)
                    }
                }
            }
        }
        return bestCompletion(in: labels, fullMask: fullMask)
    }

    private func extend(
        _ label: Label, from location: Int, toStop next: Int, mask: Int, parent: (state: Int, label: Int),
        hardWindows: Bool,
        into labels: inout [[Label]]
    ) {
        let visit = problem.visit(next, from: location, leavingAt: label.clock)
        if hardWindows && visit.late > 0 { return }
        let child = Label(
            late: label.late + visit.late, meters: label.meters + visit.meters, clock: visit.departure,
            parentState: parent.state, parentLabel: parent.label)
        let state = (mask | (1 << next)) * problem.stopCount + next
        if labels[state].contains(where: { dominates($0, child) }) { return }
        labels[state].removeAll { dominates(child, $0) }
        labels[state].append(child)
    }

    private func dominates(_ a: Label, _ b: Label) -> Bool {
        a.late <= b.late && a.meters <= b.meters && a.clock <= b.clock
    }

    /// Whether every drop in `mask` has its pickup in it too (other masks are unreachable).
    private func isClosedUnderPrecedence(_ mask: Int) -> Bool {
        let drops = mask & Self.dropBits(stopCount: problem.stopCount)
        return (drops >> 1) & ~mask == 0
    }

    private static func dropBits(stopCount: Int) -> Int {
        stride(from: 1, to: stopCount, by: 2).reduce(0) { $0 | (1 << $1) }
    }

    private func bestCompletion(in labels: [[Label]], fullMask: Int) -> [Int]? {
        let stops = problem.stopCount
        var best: (state: Int, label: Int, cost: RouteCost)?
        for last in 0..<stops {
            let state = fullMask * stops + last
            for (index, label) in labels[state].enumerated() {
                let cost = RouteCost(lateSeconds: label.late, meters: label.meters)
                if best.map({ cost.isBetter(than: $0.cost) }) ?? true { best = (state, index, cost) }
            }
        }
        guard var cursor = best.map({ (state: $0.state, label: $0.label) }) else { return nil }
        var route: [Int] = []
        while cursor.state >= 0 {
            route.append(cursor.state % stops)
            let label = labels[cursor.state][cursor.label]
            cursor = (label.parentState, label.parentLabel)
        }
        return route.reversed()
    }
}
