import BenchmarkSupport
import Fluent
import Foundation
import SQLKit

/// Where a step's time goes on PostgreSQL: its flows walked one step at a time (every acceptance, then every
/// pickup scan, then every delivery scan, one client), with `pg_stat_statements` reset before each step and read
/// after it. It gives the statements a step sends and the time the server spent executing them, beside the
/// step's latency seen by the client; the difference is everything else: parsing, planning and commit flushes on
/// the server, round trips, the drivers, the application's own work.
///
/// It needs the extension's library preloaded (`shared_preload_libraries=pg_stat_statements`, which
/// scripts/bench-money sets on its throw-away cluster, with `pg_stat_statements.track=none` so that the measured
/// levels run without it); the extension is created in `public`, and tracking is switched on for this phase only
/// (`ALTER SYSTEM`, then off again). Only for a server of the benchmark's own.
struct StatementPhase {
    struct Statement: Encodable, Sendable {
        var query: String
        var callsPerStep: Double
        var millisecondsPerStep: Double
    }

    struct Step: Encodable, Sendable {
        var step: String
        var steps: Int
        /// The client's view of the step.
        var latency: LatencySummary
        var statementsPerStep: Double
        /// `COMMIT`s per step: explicit transactions (a statement outside one commits on its own).
        var commitsPerStep: Double
        /// Server execution time of all the step's statements, per step. pg_stat_statements counts a statement's
        /// execution only: not its parsing and planning, and not the commit's WAL flush, which runs after it.
        var executionMillisecondsPerStep: Double
        /// The statements that took the most time, at most eight.
        var top: [Statement]
    }

    let db: any Database
    let walker: FlowWalker

    /// Creates the extension and switches tracking on; false when the server cannot load it.
    static func start(on db: any Database) async -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        do {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA public").run()
            _ = try await sql.raw("SELECT COUNT(*) AS n FROM public.pg_stat_statements").all()
            return try await track("top", on: sql)
        } catch {
            return false
        }
    }

    /// Switches tracking off again.
    static func stop(on db: any Database) async throws {
        _ = try await track("none", on: try db.sqlDatabase)
    }

    /// Sets `pg_stat_statements.track` for the whole server and waits until a backend reads it. The postmaster
    /// signals every backend at once, and each rereads the settings before its next command, so once one
    /// answers the new value every statement the phase sends is tracked as it says.
    private static func track(_ value: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(SQLQueryString("ALTER SYSTEM SET pg_stat_statements.track = '\(unsafeRaw: value)'")).run()
        try await sql.raw("SELECT pg_reload_conf()").run()
        for _ in 0..<10_000 {
            let row = try await sql.raw("SHOW pg_stat_statements.track").first()
            if try row?.decode(column: "pg_stat_statements.track", as: String.self) == value { return true }
        }
        return false
    }

    /// The steps' figures and the deliveries the flows booked.
    func run(_ batch: FlowBatch) async throws -> (steps: [Step], booked: [UUID]) {
        let lane = walker.lanes[0]
        let flows = batch.lanes.flatMap { $0 }
        var accepted: [FlowWalker.Accepted] = []
        var booked: [UUID] = []
        var steps: [Step] = []
        steps.append(
            try await measure("accept", count: flows.count) { index in
                let (answer, deliveryId) = try await walker.accept(flows[index], as: lane)
                accepted.append(answer)
                booked.append(deliveryId)
            })
        for handoff in ["pickup", "delivery"] {
            steps.append(
                try await measure("\(handoff) scan", count: flows.count) { index in
                    try await walker.scan(
                        try accepted[index].code(handoff), handoff: handoff, as: lane, method: .qrCode)
                })
        }
        return (steps, booked)
    }

    private func measure(_ name: String, count: Int, _ step: (Int) async throws -> Void) async throws -> Step {
        let sql = try db.sqlDatabase
        try await sql.raw("SELECT public.pg_stat_statements_reset()").run()
        var samples: [UInt64] = []
        for index in 0..<count {
            let started = MonotonicClock.now
            try await step(index)
            samples.append(MonotonicClock.now - started)
        }
        let rows = try await sql.raw(
            """
            SELECT query, calls, total_exec_time FROM public.pg_stat_statements
            WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC
            """
        ).all()
        var statements: [Statement] = []
        var calls = 0
        var commits = 0
        var milliseconds = 0.0
        for row in rows {
            let query = try row.decode(column: "query", as: String.self)
            let called = try row.decode(column: "calls", as: Int.self)
            let time = try row.decode(column: "total_exec_time", as: Double.self)
            calls += called
            milliseconds += time
            if query.uppercased().hasPrefix("COMMIT") { commits += called }
            statements.append(
                Statement(
                    query: Self.shortened(query), callsPerStep: Double(called) / Double(count),
                    millisecondsPerStep: time / Double(count)))
        }
        return Step(
            step: name, steps: count, latency: LatencySummary(nanoseconds: samples),
            statementsPerStep: Double(calls) / Double(count), commitsPerStep: Double(commits) / Double(count),
            executionMillisecondsPerStep: milliseconds / Double(count), top: Array(statements.prefix(8)))
    }

    /// The statement on one line, cut to 100 characters.
    private static func shortened(_ query: String) -> String {
        let line = query.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        return line.count > 100 ? String(line.prefix(99)) + "…" : line
    }
}
