import Fluent
import Foundation
import Platform
import SQLKit

/// The ledger's invariants, checked against the stored rows: every transfer balances, every account's balance
/// is the sum of its entries, the balances of each currency sum to zero, no account that holds money is below
/// zero, and no delivery's escrow resolved (released, refunded or split) more than once. Tests assert it after
/// every money scenario.
public struct LedgerAudit: Sendable {
    let db: any Database

    public init(db: any Database) {
        self.db = db
    }

    /// One sentence per broken invariant; empty when the ledger is sound.
    public func violations() async throws -> [String] {
        let sql = try db.sqlDatabase
        var found: [String] = []
        for row in try await sql.raw(
            "SELECT transfer_id FROM ledger_entries GROUP BY transfer_id HAVING SUM(amount) <> 0"
        ).all() {
            found.append("transfer \(try row.decode(column: "transfer_id", as: UUID.self)) does not balance")
        }
        for row in try await sql.raw(
            """
            SELECT a.code AS code FROM ledger_accounts a
            WHERE a.balance <> (SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e WHERE e.account_id = a.id)
            """
        ).all() {
            found.append("account \(try row.decode(column: "code", as: String.self)) differs from its entries")
        }
        for row in try await sql.raw(
            "SELECT currency FROM ledger_accounts GROUP BY currency HAVING SUM(balance) <> 0"
        ).all() {
            found.append("balances in \(try row.decode(column: "currency", as: String.self)) do not sum to zero")
        }
        for row in try await sql.raw(
            "SELECT code FROM ledger_accounts WHERE NOT allows_negative AND balance < 0"
        ).all() {
            found.append("account \(try row.decode(column: "code", as: String.self)) is below zero")
        }
        for row in try await sql.raw(
            """
            SELECT reference_id FROM ledger_transfers
            WHERE kind IN ('escrow_released', 'escrow_refunded', 'escrow_split')
            GROUP BY reference_id HAVING COUNT(*) > 1
            """
        ).all() {
            found.append("the escrow of \(try row.decode(column: "reference_id", as: UUID.self)) resolved more than once")
        }
        return found
    }
}
