import Foundation

/// Wall-clock samples in nanoseconds and their percentiles (nearest rank).
struct LatencyRecorder {
    private(set) var samples: [UInt64] = []

    init(capacity: Int) {
        samples.reserveCapacity(capacity)
    }

    /// Times `body` and keeps the sample.
    mutating func time<T>(_ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        samples.append(DispatchTime.now().uptimeNanoseconds - start)
        return result
    }

    mutating func record(nanoseconds: UInt64) {
        samples.append(nanoseconds)
    }

    struct Summary: Encodable {
        var count: Int
        var p50: Double
        var p90: Double
        var p99: Double
        var max: Double
        var mean: Double

        /// "p50 0.031 ms, p90 …" with milliseconds to three decimals.
        var text: String {
            String(
                format: "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (mean %.3f ms, n=%d)", p50, p90, p99, max,
                mean, count)
        }
    }

    /// Percentiles in milliseconds.
    var summary: Summary {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return Summary(count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0) }
        func percentile(_ p: Double) -> Double {
            let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
            return Double(sorted[min(sorted.count - 1, max(0, rank))]) / 1e6
        }
        let mean = Double(sorted.reduce(0, +)) / Double(sorted.count) / 1e6
        return Summary(
            count: sorted.count, p50: percentile(0.5), p90: percentile(0.9), p99: percentile(0.99),
            max: Double(sorted[sorted.count - 1]) / 1e6, mean: mean)
    }
}

/// Resident memory of this process (`VmRSS` of /proc/self/status), in mebibytes; 0 where /proc is missing.
enum ProcessMemory {
    static var residentMiB: Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return 0 }
        return kilobytes / 1024
    }
}
