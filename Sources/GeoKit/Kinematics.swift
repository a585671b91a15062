import Foundation

/// Speeds derived from position fixes, for plausibility checks and ETAs.
public enum Kinematics {
    /// The average great-circle speed between two fixes, or nil when they share a timestamp (or either time is not
    /// finite). The order of the times does not matter: the speed is distance over the absolute time difference.
    public static func metersPerSecond(
        from start: Coordinate, at startSeconds: Double, to end: Coordinate, at endSeconds: Double
    ) -> Double? {
        let elapsed = abs(endSeconds - startSeconds)
        guard elapsed > 0, elapsed.isFinite else { return nil }
        return GreatCircle.distanceMeters(start, end) / elapsed
    }

    /// The speed over the most recent `windowSeconds` of a track: path length over elapsed time.
    ///
    /// Fixes are read in the given order; a fix whose time is not after the last accepted one (time going
    /// backwards, or a duplicate) is ignored, as is a fix implying more than `maximumPlausibleMetersPerSecond` from
    /// the last accepted one, which drops a single GPS jump without breaking the path. The window ends at the last
    /// accepted fix. Returns nil when fewer than two fixes fall in the window.
    public static func recentMetersPerSecond(
        _ track: [TimedCoordinate], windowSeconds: Double,
        maximumPlausibleMetersPerSecond: Double = .infinity
    ) -> Double? {
        var accepted: [TimedCoordinate] = []
        for fix in track where fix.seconds.isFinite && fix.coordinate.isValid {
            guard let previous = accepted.last else {
                accepted.append(fix)
                continue
            }
            guard fix.seconds > previous.seconds else { continue }
            let speed =
                GreatCircle.distanceMeters(previous.coordinate, fix.coordinate) / (fix.seconds - previous.seconds)
            if speed <= maximumPlausibleMetersPerSecond { accepted.append(fix) }
        }
        guard let last = accepted.last else { return nil }
        let windowStart = last.seconds - max(0, windowSeconds)
        guard let firstInWindow = accepted.firstIndex(where: { $0.seconds >= windowStart }) else { return nil }
        let window = accepted[firstInWindow...]
        guard window.count >= 2, let first = window.first else { return nil }
        var pathMeters = 0.0
        for (a, b) in zip(window, window.dropFirst()) {
            pathMeters += GreatCircle.distanceMeters(a.coordinate, b.coordinate)
        }
        return pathMeters / (last.seconds - first.seconds)
    }
}
