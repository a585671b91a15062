import GeoKit

/// Tries every order that keeps pickups before drops, with its own schedule arithmetic, as the reference the
/// sequencer is checked against.
struct BruteForceSequencer {
    let start: Coordinate
    let speedMetersPerSecond: Double
    let jobs: [StopSequencer.Job]

    /// The shortest route keeping every window (nil when none does), and the least total lateness with the
    /// shortest length among routes that late (within a microsecond).
    struct Result {
        var bestFeasibleMeters: Double?
        var leastLateSeconds = Double.infinity
        var metersAtLeastLate = Double.infinity
        var routeCount = 0
    }

    func solve() -> Result {
        var result = Result()
        var picked = [Bool](repeating: false, count: jobs.count)
        var dropped = [Bool](repeating: false, count: jobs.count)
        search(at: start, clock: 0, meters: 0, late: 0, left: 2 * jobs.count, &picked, &dropped, &result)
        return result
    }

    private func search(
        at location: Coordinate, clock: Double, meters: Double, late: Double, left: Int, _ picked: inout [Bool],
        _ dropped: inout [Bool], _ result: inout Result
    ) {
        if left == 0 {
            result.routeCount += 1
            if late <= 1e-6 { result.bestFeasibleMeters = min(result.bestFeasibleMeters ?? .infinity, meters) }
            if late < result.leastLateSeconds - 1e-6 {
                (result.leastLateSeconds, result.metersAtLeastLate) = (late, meters)
            } else if late <= result.leastLateSeconds + 1e-6 {
                result.metersAtLeastLate = min(result.metersAtLeastLate, meters)
            }
            return
        }
        for (index, job) in jobs.enumerated() where !dropped[index] {
            let isPickup = !picked[index]
            let target = isPickup ? job.pickup : job.drop
            let window = isPickup ? job.pickupWindow : job.dropWindow
            let leg = GreatCircle.distanceMeters(location, target)
            let arrival = clock + leg / speedMetersPerSecond
            let lateHere = max(0, arrival - (window?.upperBound ?? .infinity))
            let departure = max(arrival, window?.lowerBound ?? -.infinity) + job.serviceSeconds
            if isPickup { picked[index] = true } else { dropped[index] = true }
            search(
                at: target, clock: departure, meters: meters + leg, late: late + lateHere, left: left - 1, &picked,
                &dropped, &result)
            if isPickup { picked[index] = false } else { dropped[index] = false }
        }
    }
}
