import BenchmarkSupport
import Foundation

/// One measured level: its flows' rate and per-step latencies, beside the reference measured just before it.
struct LevelResult: Encodable, Sendable {
    var name: String
    var clients: Int
    var scans: ScanMethod
    var flows: Int
    var seconds: Double
    var flowsPerSecond: Double
    var accept: LatencySummary
    var pickupScan: LatencySummary
    var deliveryScan: LatencySummary
    var flow: LatencySummary
    var reference: ReferenceProbe.Result
    /// This level's flows per second over the first level's (one client, unless told otherwise).
    var perFirstLevel = 1.0
    /// `GET /health/ready` answered per second at the same client count, over flows per second: how many cheap
    /// requests one flow costs, which drifts less with the machine than either figure alone.
    var referenceRequestsPerFlow: Double
    var loadAverage: Double

    init(batch: FlowBatch, walked: FlowWalker.Walked, reference: ReferenceProbe.Result, loadAverage: Double) {
        name = batch.name
        clients = batch.clients
        scans = batch.scans
        flows = walked.samples.count
        seconds = walked.seconds
        flowsPerSecond = Double(flows) / max(walked.seconds, 1e-9)
        accept = LatencySummary(nanoseconds: walked.samples.map(\.accept))
        pickupScan = LatencySummary(nanoseconds: walked.samples.map(\.pickup))
        deliveryScan = LatencySummary(nanoseconds: walked.samples.map(\.delivery))
        flow = LatencySummary(nanoseconds: walked.samples.map(\.total))
        self.reference = reference
        referenceRequestsPerFlow = reference.requestsPerSecond / max(flowsPerSecond, 1e-9)
        self.loadAverage = loadAverage
    }
}

/// What one run measured, printed for people and as one `RESULT {json}` line for scripts/bench-money.
struct FlowReport: Encodable {
    var machine: MachineFacts
    var flowsPerLevel: Int
    var warmUpFlows: Int
    var referenceSeconds: Double
    var seedSeconds = 0.0
    var seededFlows = 0
    var levels: [LevelResult] = []
    /// Rows each measured flow added, per table.
    var rowsPerFlow: [String: Double] = [:]
    var audit: FlowAudit.Outcome?
    /// PostgreSQL, `--statement-flows`: each step's statements.
    var statements: [StatementPhase.Step] = []
    /// Asked for, but `pg_stat_statements` could not be loaded.
    var statementsSkipped = false
    var qrServices: [QRServicePhase.Result] = []
    var qrMemory: [QRMemoryPhase.Result] = []

    mutating func add(_ level: LevelResult) {
        var level = level
        if let first = levels.first { level.perFirstLevel = level.flowsPerSecond / max(first.flowsPerSecond, 1e-9) }
        levels.append(level)
    }

    func print() {
        Swift.print("== money-flow-bench: \(machine.line) ==")
        if !levels.isEmpty { printFlows() }
        if !statements.isEmpty { printStatements() }
        if !qrServices.isEmpty {
            Swift.print("\nQR services on the database, one call at a time:")
            Swift.print("| operation | calls | calls/s | p50 | p99 |")
            Swift.print("|---|---:|---:|---:|---:|")
            for result in qrServices {
                Swift.print(
                    String(
                        format: "| %@ | %d | %.0f | %.3f ms | %.3f ms |", result.operation, result.calls,
                        result.perSecond, result.latency.p50, result.latency.p99))
            }
        }
        if !qrMemory.isEmpty {
            Swift.print("\nQR in memory, one operation at a time:")
            Swift.print("| operation | operations | per second | p50 | p99 |")
            Swift.print("|---|---:|---:|---:|---:|")
            for result in qrMemory {
                Swift.print(
                    String(
                        format: "| %@ | %d | %.0f | %.1f µs | %.1f µs |", result.operation, result.count,
                        result.perSecond, result.latency.p50 * 1000, result.latency.p99 * 1000))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let json = try? encoder.encode(self) {
            Swift.print("RESULT " + String(decoding: json, as: UTF8.self))
        }
    }

    private func printStatements() {
        Swift.print("\nStatements per step (pg_stat_statements, one client, one step at a time):")
        Swift.print(
            "| step | steps | client p50 / p99 | statements | transactions | server execution | rest of the step (mean) |"
        )
        Swift.print("|---|---:|---:|---:|---:|---:|---:|")
        for step in statements {
            Swift.print(
                String(
                    format: "| %@ | %d | %@ ms | %.1f | %.1f | %.2f ms | %.2f ms |", step.step, step.steps,
                    step.latency.text, step.statementsPerStep, step.commitsPerStep, step.executionMillisecondsPerStep,
                    step.latency.mean - step.executionMillisecondsPerStep))
        }
        for step in statements {
            Swift.print("top statements of \(step.step) (calls per step, ms per step):")
            for statement in step.top {
                Swift.print(
                    String(
                        format: "  %.1f × %.3f ms  %@", statement.callsPerStep, statement.millisecondsPerStep,
                        statement.query))
            }
        }
    }

    private func printFlows() {
        Swift.print(
            String(
                format: "seeded %d flows in %.1f s; %d warm-up flows, then %d flows per level", seededFlows,
                seedSeconds, warmUpFlows, flowsPerLevel))
        Swift.print(
            "| clients | scans | flows/s | × first | accept p50 / p99 | pickup scan p50 / p99 | "
                + "delivery scan p50 / p99 | flow p50 / p99 | health/ready req/s (p50) | health req per flow | load |")
        Swift.print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for level in levels {
            Swift.print(
                String(
                    format: "| %d | %@ | %.1f | %.2f | %@ ms | %@ ms | %@ ms | %@ ms | %.0f (%.2f ms) | %.1f | %.1f |",
                    level.clients, level.scans.rawValue, level.flowsPerSecond, level.perFirstLevel,
                    level.accept.text, level.pickupScan.text, level.deliveryScan.text, level.flow.text,
                    level.reference.requestsPerSecond, level.reference.latency.p50, level.referenceRequestsPerFlow,
                    level.loadAverage))
        }
        if let audit {
            Swift.print(
                "invariants: LedgerAudit found no violation; \(audit.deliveries) deliveries delivered, "
                    + "\(audit.escrowsReleased) escrows released once each, \(audit.codesUsed) codes used")
        }
        let rows = rowsPerFlow.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { String(format: "%@ %.2f", $0.key, $0.value) }
        Swift.print("rows written per flow: " + rows.joined(separator: ", "))
    }
}
