import Foundation
import GeoKit

/// The crossing rules of one fence for one tracked device, as values: hysteresis on the boundary, a dwell
/// time, points judged by their own timestamps, and the exit a silent device gets.
///
/// A device is inside once a point lies within the shape (signed distance ≤ 0) and stays inside until a point
/// lies more than `exitMarginMeters` beyond the boundary, so a track that jitters along the edge makes one
/// `enter`, not a flurry. A point not newer than the last one judged changes nothing: a late upload fills the
/// history without rewriting what already happened.
public struct FenceWatch: Sendable, Equatable {
    /// What is known of the device and the fence.
    public struct State: Sendable, Equatable {
        public var inside: Bool
        public var enteredAt: Date?
        public var dwellReported: Bool
        /// The timestamp of the newest point judged; older points are ignored.
        public var lastPointAt: Date?

        public init(inside: Bool = false, enteredAt: Date? = nil, dwellReported: Bool = false, lastPointAt: Date? = nil)
        {
            self.inside = inside
            self.enteredAt = enteredAt
            self.dwellReported = dwellReported
            self.lastPointAt = lastPointAt
        }

        public static let outside = State()
    }

    /// One crossing.
    public struct Transition: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case enter, exit, dwell
        }

        public var kind: Kind
        /// The point's timestamp (or the moment silence was concluded).
        public var at: Date
        public var coordinate: Coordinate
        /// Seconds inside, for `exit` and `dwell`.
        public var secondsInside: Int?
        /// `silence` for an exit concluded from a device that stopped reporting.
        public var reason: String?
    }

    public var shape: FenceShape
    public var exitMarginMeters: Double
    /// Seconds inside before `dwell`; nil or 0 for none.
    public var dwellSeconds: Double?

    public init(shape: FenceShape, exitMarginMeters: Double, dwellSeconds: Double?) {
        self.shape = shape
        self.exitMarginMeters = max(0, exitMarginMeters)
        self.dwellSeconds = dwellSeconds.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Judges `points` (any order; they are taken by timestamp) from `state`; returns the new state and the
    /// crossings, oldest first.
    public func advance(_ state: State, through points: [(coordinate: Coordinate, at: Date)]) -> (State, [Transition]) {
        var state = state
        var transitions: [Transition] = []
        for point in points.sorted(by: { $0.at < $1.at }) {
            if let last = state.lastPointAt, point.at <= last { continue }
            let distance = shape.signedDistanceMeters(to: point.coordinate)
            if !state.inside {
                if distance <= 0 {
                    state.inside = true
                    state.enteredAt = point.at
                    state.dwellReported = false
                    transitions.append(Transition(kind: .enter, at: point.at, coordinate: point.coordinate))
                }
            } else if distance > exitMarginMeters {
                transitions.append(
                    Transition(
                        kind: .exit, at: point.at, coordinate: point.coordinate,
                        secondsInside: secondsInside(state, at: point.at)))
                state.inside = false
                state.enteredAt = nil
                state.dwellReported = false
            } else if let dwellSeconds, !state.dwellReported, let entered = state.enteredAt,
                point.at.timeIntervalSince(entered) >= dwellSeconds
            {
                state.dwellReported = true
                transitions.append(
                    Transition(
                        kind: .dwell, at: point.at, coordinate: point.coordinate,
                        secondsInside: secondsInside(state, at: point.at)))
            }
            state.lastPointAt = point.at
        }
        return (state, transitions)
    }

    /// The exit of a device inside that has said nothing for longer than `timeout` by `now`, or nil.
    public func silence(_ state: State, now: Date, timeout: TimeInterval, lastKnown: Coordinate) -> (State, Transition)?
    {
        guard state.inside, let last = state.lastPointAt, now.timeIntervalSince(last) > timeout else { return nil }
        let transition = Transition(
            kind: .exit, at: now, coordinate: lastKnown, secondsInside: secondsInside(state, at: now),
            reason: "silence")
        return (State(inside: false, enteredAt: nil, dwellReported: false, lastPointAt: now), transition)
    }

    private func secondsInside(_ state: State, at date: Date) -> Int? {
        state.enteredAt.map { Int(date.timeIntervalSince($0).rounded()) }
    }
}
