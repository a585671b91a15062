import BenchmarkSupport
import Fluent
import Foundation
import Payments
import SQLKit

/// What the run must have left behind, checked after every flow has been walked: the ledger's invariants
/// (`LedgerAudit`), every booked delivery `delivered` and no other delivery, every escrow held once and released
/// once, every handoff code used. Any difference fails the run: figures of flows that did not do their work are
/// worth nothing.
struct FlowAudit {
    let db: any Database

    struct Outcome: Encodable, Sendable {
        var deliveries: Int
        var escrowsReleased: Int
        var codesUsed: Int
        var ledgerViolations: [String]
    }

    func check(booked: Set<UUID>) async throws -> Outcome {
        let sql = try db.sqlDatabase
        var problems: [String] = []
        let delivered = Set(
            try await sql.raw("SELECT id FROM deliveries WHERE status = 'delivered'").all()
                .map { try $0.decode(column: "id", as: UUID.self) })
        let deliveries = try await count("SELECT COUNT(*) AS n FROM deliveries", on: sql)
        if delivered != booked || deliveries != booked.count {
            problems.append(
                "\(booked.count) deliveries booked, \(delivered.count) delivered, \(deliveries) in the table, "
                    + "\(booked.subtracting(delivered).count) booked ones not delivered")
        }
        let released = try await count("SELECT COUNT(*) AS n FROM escrow_accounts WHERE status = 'released'", on: sql)
        let escrows = try await count("SELECT COUNT(*) AS n FROM escrow_accounts", on: sql)
        if released != booked.count || escrows != booked.count {
            problems.append("\(escrows) escrow accounts, \(released) released, for \(booked.count) deliveries")
        }
        for kind in ["escrow_held", "escrow_released"] {
            let transfers = try await count(
                "SELECT COUNT(*) AS n FROM ledger_transfers WHERE kind = '\(kind)'", on: sql)
            let references = try await count(
                "SELECT COUNT(DISTINCT reference_id) AS n FROM ledger_transfers WHERE kind = '\(kind)'", on: sql)
            if transfers != booked.count || references != booked.count {
                problems.append("\(transfers) \(kind) transfers for \(references) deliveries, \(booked.count) booked")
            }
        }
        let used = try await count("SELECT COUNT(*) AS n FROM qr_codes WHERE status = 'used'", on: sql)
        let codes = try await count("SELECT COUNT(*) AS n FROM qr_codes", on: sql)
        if used != 2 * booked.count || codes != used {
            problems.append("\(codes) handoff codes, \(used) used, for \(booked.count) deliveries")
        }
        let violations = try await LedgerAudit(db: db).violations()
        problems += violations
        guard problems.isEmpty else {
            throw BenchmarkError("the flows left the database wrong: " + problems.joined(separator: "; "))
        }
        return Outcome(
            deliveries: booked.count, escrowsReleased: released, codesUsed: used, ledgerViolations: violations)
    }

    /// Rows in every table of the application's schema, to tell what a flow writes.
    func rowCounts() async throws -> [String: Int] {
        let sql = try db.sqlDatabase
        let listing =
            sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
        var counts: [String: Int] = [:]
        for row in try await sql.raw(SQLQueryString(listing)).all() {
            let table = try row.decode(column: "name", as: String.self)
            counts[table] = try await count("SELECT COUNT(*) AS n FROM \(quoted(table))", on: sql)
        }
        return counts
    }

    /// Rows each flow added per table (tables that did not grow are left out), over `flows` flows.
    static func rowsPerFlow(before: [String: Int], after: [String: Int], flows: Int) -> [String: Double] {
        var grown: [String: Double] = [:]
        for (table, rows) in after where rows != before[table, default: 0] {
            grown[table] = Double(rows - before[table, default: 0]) / Double(max(1, flows))
        }
        return grown
    }

    private func quoted(_ table: String) -> String {
        "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func count(_ query: String, on sql: any SQLDatabase) async throws -> Int {
        guard let row = try await sql.raw(SQLQueryString(query)).first() else { return 0 }
        return try row.decode(column: "n", as: Int.self)
    }
}
