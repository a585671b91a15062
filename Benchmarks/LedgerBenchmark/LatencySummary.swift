import Foundation

/// Percentiles (nearest rank) of wall-clock samples, in milliseconds.
struct LatencySummary: Encodable {
    var count: Int
    var p50: Double
    var p99: Double
    var max: Double

    init(nanoseconds samples: [UInt64]) {
        let sorted = samples.sorted()
        count = sorted.count
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
            return Double(sorted[min(sorted.count - 1, Swift.max(0, rank))]) / 1e6
        }
        p50 = percentile(0.5)
        p99 = percentile(0.99)
        max = Double(sorted.last ?? 0) / 1e6
    }
}

/// Nanoseconds on the monotonic clock.
enum MonotonicClock {
    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }
}
