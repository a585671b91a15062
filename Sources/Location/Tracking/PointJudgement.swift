import Foundation
import GeoKit
import Platform

/// Decides, as values, which posted points are trusted: sorted by their own timestamps, a repeat of a
/// timestamp dropped, a point too vague to place flagged `low_accuracy`, and a point that would need a speed
/// the trip's vehicle cannot reach from the last trusted one flagged `impossible_speed`. Flagged points are
/// kept in the history; only trusted ones move the live position, add to the distance and cross fences.
public enum PointJudgement {
    /// The last trusted position before the points being judged.
    public struct Anchor: Sendable, Equatable {
        public var coordinate: GeoPoint
        public var accuracy: Double
        public var at: Date

        public init(coordinate: GeoPoint, accuracy: Double, at: Date) {
            self.coordinate = coordinate
            self.accuracy = accuracy
            self.at = at
        }
    }

    /// A point and what was concluded of it.
    public struct Judged: Sendable, Equatable {
        public var fix: LocationFix
        /// nil when trusted.
        public var flag: String?
    }

    /// Judges `fixes` (any order) after the live position `live`; returns them oldest first.
    public static func judge(
        _ fixes: [LocationFix], after live: Anchor?, motion: TripMotion, usableAccuracy: Double
    ) -> [Judged] {
        var judged: [Judged] = []
        judged.reserveCapacity(fixes.count)
        var previous: Anchor?
        var seen = Set<Date>()
        if let live { seen.insert(live.at) }
        for fix in fixes.sorted(by: { $0.at < $1.at }) where seen.insert(fix.at).inserted {
            var anchor = previous
            if let live, live.at < fix.at, anchor.map({ live.at > $0.at }) ?? true { anchor = live }
            let accuracy = fix.accuracy ?? 0
            var flag: String?
            if accuracy > usableAccuracy {
                flag = "low_accuracy"
            } else if let anchor, impliedSpeed(from: anchor, to: fix) > motion.maximumMetersPerSecond {
                flag = "impossible_speed"
            }
            if flag == nil { previous = Anchor(coordinate: fix.coordinate, accuracy: accuracy, at: fix.at) }
            judged.append(Judged(fix: fix, flag: flag))
        }
        return judged
    }

    /// Metres per second between two fixes, forgiving both fixes' stated accuracy; a second at least, so two
    /// fixes a few milliseconds apart do not imply a rocket.
    static func impliedSpeed(from anchor: Anchor, to fix: LocationFix) -> Double {
        let meters = anchor.coordinate.distanceKm(to: fix.coordinate) * 1000
        let slack = anchor.accuracy + (fix.accuracy ?? 0)
        let seconds = max(1, abs(fix.at.timeIntervalSince(anchor.at)))
        return max(0, meters - slack) / seconds
    }

    /// The length of the path from `start` through `fixes` in order, in metres.
    public static func pathMeters(from start: GeoPoint?, through fixes: [LocationFix]) -> Double {
        var meters = 0.0
        var last = start
        for fix in fixes {
            if let last { meters += last.distanceKm(to: fix.coordinate) * 1000 }
            last = fix.coordinate
        }
        return meters
    }
}
