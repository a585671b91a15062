import BenchmarkSupport
import Foundation

/// The same-run reference: `GET /health/ready` (routing, middleware, one `SELECT 1`, a small JSON answer) from
/// as many concurrent clients as the level it precedes, for a fixed time. On a shared machine whose speed drifts
/// by the minute, a flow's figures divided by these say more than the flow's figures alone.
struct ReferenceProbe: Sendable {
    static let path = "/health/ready"

    struct Result: Encodable, Sendable {
        var clients: Int
        var requests: Int
        var requestsPerSecond: Double
        var latency: LatencySummary
    }

    let client: FlowClient

    func run(clients: Int, seconds: Double) async throws -> Result {
        let start = MonotonicClock.now
        let deadline = start + UInt64(seconds * 1e9)
        let samples = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var samples: [UInt64] = []
                    while MonotonicClock.now < deadline {
                        let sent = MonotonicClock.now
                        try await client.get(Self.path)
                        samples.append(MonotonicClock.now - sent)
                    }
                    return samples
                }
            }
            var all: [UInt64] = []
            for try await lane in group { all += lane }
            return all
        }
        let elapsed = MonotonicClock.seconds(since: start)
        return Result(
            clients: clients, requests: samples.count, requestsPerSecond: Double(samples.count) / elapsed,
            latency: LatencySummary(nanoseconds: samples))
    }
}
