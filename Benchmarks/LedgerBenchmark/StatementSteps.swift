import Fluent
import Foundation
import Payments
import Platform
import SQLKit
import Vapor

/// Times, one at a time, the kinds of statement `Ledger.post` sends for each transfer (a two-leg transfer
/// sends 8, a three-leg one 11), each next to a plain `SELECT 1`, to tell what a transfer's time is made of:
/// the round trip every statement pays, or the statement itself. Runs in one transaction that is rolled back,
/// so it leaves the ledger as it was.
struct StatementSteps {
    static let rounds = 500

    let app: Application
    let world: EscrowWorld

    /// Ends the transaction, carrying the samples out of it.
    private struct RolledBack: Error {
        var samples: [String: [UInt64]]
    }

    func run() async throws -> [String: LatencySummary] {
        do {
            try await app.db.transaction { db in
                var samples: [String: [UInt64]] = [:]
                let sql = try db.sqlDatabase
                guard let transfer = try await LedgerTransfer.query(on: db).first()?.requireID(),
                    let account = try await LedgerAccount.query(on: db).filter(\.$code == world.revenue.code).first()?
                        .requireID()
                else { throw BenchmarkError("--steps needs a posted transfer and the revenue account") }
                let steps: [(String, @Sendable () async throws -> Void)] = [
                    ("select 1 (SQLKit)", { _ = try await sql.raw("SELECT 1 AS one").all() }),
                    (
                        "idempotency check (Fluent count)",
                        {
                            _ = try await LedgerTransfer.query(on: db).filter(\.$idempotencyKey == "steps:none").count()
                        }
                    ),
                    (
                        "account id (Fluent first)",
                        {
                            _ = try await LedgerAccount.query(on: db).filter(\.$code == world.revenue.code)
                                .field(\.$id).first()
                        }
                    ),
                    (
                        "balance update (SQLKit UPDATE … RETURNING)",
                        {
                            _ = try await sql.raw(
                                """
                                UPDATE ledger_accounts SET balance = balance + \(bind: Int64(0))
                                WHERE id = \(bind: account) AND (allows_negative OR balance >= 0) RETURNING balance
                                """
                            ).all()
                        }
                    ),
                    ("entry insert (Fluent create)", { try await entry(transfer, account).create(on: db) }),
                    (
                        "entry insert (SQLKit INSERT)",
                        {
                            try await sql.raw(
                                """
                                INSERT INTO ledger_entries (id, transfer_id, account_id, amount, currency, created_at)
                                VALUES (\(bind: UUID()), \(bind: transfer), \(bind: account), \(bind: Int64(0)),
                                        \(bind: EscrowWorld.currency), \(bind: Date()))
                                """
                            ).run()
                        }
                    ),
                ]
                for _ in 0..<Self.rounds {
                    for (name, step) in steps {
                        let started = MonotonicClock.now
                        try await step()
                        samples[name, default: []].append(MonotonicClock.now - started)
                    }
                }
                throw RolledBack(samples: samples)
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.samples.mapValues { LatencySummary(nanoseconds: $0) }
        }
        return [:]
    }

    private func entry(_ transfer: UUID, _ account: UUID) -> LedgerEntry {
        let entry = LedgerEntry()
        entry.transferId = transfer
        entry.accountId = account
        entry.amount = 0
        entry.currency = EscrowWorld.currency
        entry.createdAt = Date()
        return entry
    }
}
