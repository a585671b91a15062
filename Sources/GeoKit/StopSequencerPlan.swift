import Foundation

extension StopSequencer {
    /// Whether a stop collects or hands over its job's item.
    public enum StopKind: String, Codable, Sendable, Hashable {
        /// The item is collected.
        case pickup
        /// The item is handed over.
        case drop
    }

    /// One visit of the planned route.
    public struct Stop: Codable, Sendable, Hashable {
        /// Position of the job in the input array.
        public var jobIndex: Int
        /// The job's `id`.
        public var jobId: String
        /// Pickup or drop.
        public var kind: StopKind
        /// Where the stop is.
        public var coordinate: Coordinate
        /// When the traveller gets there, in seconds on the sequencer's clock.
        public var arrivalSeconds: Double
        /// When the traveller leaves: after waiting for the window to open and after the service time.
        public var departureSeconds: Double
        /// How far past the window's upper bound the arrival is; 0 when on time.
        public var lateBySeconds: Double
    }

    /// The chosen order of stops and what it costs.
    public struct Plan: Codable, Sendable, Hashable {
        /// Stops in visiting order; every pickup comes before its drop.
        public var stops: [Stop]
        /// Great-circle length of the route from the start through every stop.
        public var totalMeters: Double
        /// Length of the order as given: pickup 1, drop 1, pickup 2, drop 2, and so on.
        public var naiveMeters: Double
        /// `naiveMeters − totalMeters`; negative when windows force a longer route than the naive one.
        public var savedMeters: Double
        /// Whether every stop is within its window; when false the plan minimises total lateness instead.
        public var feasible: Bool
        /// Whether the plan is proven optimal (exact search) rather than found by the heuristic.
        public var exact: Bool

        /// The stops reached after their window closed.
        public var lateStops: [Stop] { stops.filter { $0.lateBySeconds > 0 } }

        /// The sum of all stops' lateness in seconds.
        public var totalLateSeconds: Double { stops.reduce(0) { $0 + $1.lateBySeconds } }
    }
}
