import Foundation

/// Percentiles (nearest rank) of wall-clock samples, in milliseconds.
public struct LatencySummary: Encodable, Sendable {
    public var count: Int
    public var p50: Double
    public var p99: Double
    public var max: Double
    public var mean: Double

    public init(nanoseconds samples: [UInt64]) {
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
        mean = sorted.isEmpty ? 0 : Double(sorted.reduce(0, +)) / Double(sorted.count) / 1e6
    }

    /// "1.23 / 4.56" (p50 / p99 in milliseconds).
    public var text: String { String(format: "%.2f / %.2f", p50, p99) }
}

/// Nanoseconds on the monotonic clock.
public enum MonotonicClock {
    public static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    public static func seconds(since start: UInt64) -> Double { Double(now - start) / 1e9 }
}
