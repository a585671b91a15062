import Fluent
import Foundation
import Platform
import SQLKit

/// Finds or opens accounts. Opening is an insert that ignores a concurrent twin (`ON CONFLICT DO NOTHING`),
/// so two posters opening the same account never fail, nor abort a PostgreSQL transaction.
enum LedgerAccounts {
    static func id(of account: LedgerAccountRef, now: Date, on db: any Database) async throws -> UUID {
        if let id = try await existing(account, on: db) { return id }
        try await db.sqlDatabase.raw(
            """
            INSERT INTO ledger_accounts (id, code, kind, owner_id, currency, balance, allows_negative, created_at)
            VALUES (\(bind: UUID()), \(bind: account.code), \(bind: account.kind.rawValue), \(bind: account.ownerId),
                    \(bind: account.currency), \(bind: Int64(0)), \(bind: account.kind.isSource), \(bind: now))
            ON CONFLICT (code) DO NOTHING
            """
        ).run()
        guard let id = try await existing(account, on: db) else {
            throw APIError(.internalServerError, code: "LEDGER_ACCOUNT_MISSING", reason: "A ledger account vanished")
        }
        return id
    }

    private static func existing(_ account: LedgerAccountRef, on db: any Database) async throws -> UUID? {
        try await LedgerAccount.query(on: db).filter(\.$code == account.code).field(\.$id).first()?.id
    }
}
