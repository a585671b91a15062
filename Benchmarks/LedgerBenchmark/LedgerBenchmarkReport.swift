import BenchmarkSupport
import Foundation

/// What one run measured, printed for people and as one `RESULT {json}` line for scripts/bench-ledger.
struct LedgerBenchmarkReport: Encodable {
    var machine: MachineFacts
    var secondsPerMode: Double
    /// Whether Swift Concurrency ran on NIO's event loops (`--nio-executor`) rather than its own thread pool.
    var nioExecutor = false
    var modes: [ModeRunner.Result] = []

    /// Each mode's rate over the first mode's (one poster, one transfer per transaction).
    func ratio(_ result: ModeRunner.Result) -> Double {
        guard let baseline = modes.first, baseline.transfersPerSecond > 0 else { return 0 }
        return result.transfersPerSecond / baseline.transfersPerSecond
    }

    func print() {
        let durability = machine.durability.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        Swift.print(
            "== ledger-bench on \(machine.database) (\(durability.joined(separator: ", "))), "
                + "\(machine.cores) cores, kernel \(machine.kernel), load \(machine.loadAverageAtStart) at start"
                + (nioExecutor ? ", Swift Concurrency on NIO's event loops ==" : " ==")
        )
        Swift.print(
            "| mode | transfers | transfers/s | × baseline | p50 per call | p99 per call | callers/commit | load |")
        Swift.print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for result in modes {
            Swift.print(
                String(
                    format: "| %@ | %d | %.0f | %.2f | %.2f ms | %.2f ms | %@ | %.1f |", result.mode, result.transfers,
                    result.transfersPerSecond, ratio(result), result.latency.p50, result.latency.p99,
                    result.callersPerCommit.map { String(format: "%.1f", $0) } ?? "–", result.loadAverage))
        }
        Swift.print("invariants: LedgerAudit found no violation after any mode")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let json = try? encoder.encode(self) {
            Swift.print("RESULT " + String(decoding: json, as: UTF8.self))
        }
    }
}
