import Foundation

extension StopSequencer {
    /// One item to carry: collected at `pickup`, handed over at `drop`.
    public struct Job: Codable, Sendable, Hashable {
        /// The caller's identifier, copied into the plan's stops.
        public var id: String
        /// Where the item is collected.
        public var pickup: Coordinate
        /// Where the item is handed over.
        public var drop: Coordinate
        /// When the pickup may happen, in seconds on the sequencer's clock; nil means any time.
        public var pickupWindow: ClosedRange<Double>?
        /// When the drop may happen, in seconds on the sequencer's clock; nil means any time.
        public var dropWindow: ClosedRange<Double>?
        /// Time spent at each of the two stops (parking, handing over), in seconds.
        public var serviceSeconds: Double

        /// Creates a job.
        public init(
            id: String, pickup: Coordinate, drop: Coordinate, pickupWindow: ClosedRange<Double>? = nil,
            dropWindow: ClosedRange<Double>? = nil, serviceSeconds: Double = 0
        ) {
            self.id = id
            self.pickup = pickup
            self.drop = drop
            self.pickupWindow = pickupWindow
            self.dropWindow = dropWindow
            self.serviceSeconds = serviceSeconds
        }
    }
}
