import Fluent
import Foundation
import Platform
import SQLKit

/// The ledger's SQL, set-based: each statement carries a whole batch (in chunks of `chunkSize` rows), so a batch
/// costs about five statements whatever its size. On PostgreSQL the rows travel as one array per column
/// (`UNNEST`), a handful of binds per statement, and the accounts are locked; SQLite, which lets one writer in at
/// a time and has no arrays, gets the same statements with `VALUES` lists.
struct LedgerStatements {
    /// Rows per statement: nine binds a transfer, six an entry, well under either database's limit.
    static let chunkSize = 500

    let sql: any SQLDatabase
    let postgres: Bool

    init(_ db: any Database) throws {
        sql = try db.sqlDatabase
        postgres = db.isPostgres
    }

    struct NewTransfer {
        var id: UUID
        var transfer: TransferRequest
    }

    /// Inserts the transfers and answers the keys that were new. A key another transaction holds makes the
    /// insert wait for it, then skip the row: that key's first movement stands. Callers pass transfers in key
    /// order, so two batches sharing keys wait for each other in one order and never deadlock.
    func insertTransfers(_ transfers: [NewTransfer], at now: Date) async throws -> Set<String> {
        var inserted: Set<String> = []
        for chunk in transfers.chunked(by: Self.chunkSize) {
            let query: SQLQueryString
            if postgres {
                // One array per column, so the statement has nine binds whatever the batch's size: PostgreSQL
                // parses and plans it once, instead of a VALUES list of thousands of parameters. An empty
                // description stands for none, since an array's elements here cannot be null (SQLite's rows below
                // store it the same way).
                let rows = Array(chunk)
                query = """
                    INSERT INTO ledger_transfers
                        (id, idempotency_key, kind, reference_type, reference_id, currency, amount, description, created_at)
                    SELECT t.id, t.key, t.kind, t.reference_type, t.reference_id, t.currency, t.amount,
                           NULLIF(t.description, ''), \(bind: now)
                    FROM UNNEST(\(bind: rows.map(\.id))::uuid[], \(bind: rows.map(\.transfer.idempotencyKey))::text[],
                                \(bind: rows.map(\.transfer.cause.kind))::text[],
                                \(bind: rows.map(\.transfer.cause.referenceType))::text[],
                                \(bind: rows.map(\.transfer.cause.referenceId))::uuid[],
                                \(bind: rows.map { $0.transfer.currency ?? "" })::text[],
                                \(bind: rows.map(\.transfer.amount))::bigint[],
                                \(bind: rows.map { $0.transfer.description ?? "" })::text[])
                        WITH ORDINALITY AS t(id, key, kind, reference_type, reference_id, currency, amount, description, n)
                    ORDER BY t.n
                    ON CONFLICT (idempotency_key) DO NOTHING
                    RETURNING idempotency_key
                    """
            } else {
                let rows = chunk.map { row -> SQLQueryString in
                    let transfer = row.transfer
                    return """
                        (\(bind: row.id), \(bind: transfer.idempotencyKey), \(bind: transfer.cause.kind), \
                        \(bind: transfer.cause.referenceType), \(bind: transfer.cause.referenceId), \
                        \(bind: transfer.currency ?? ""), \(bind: transfer.amount), NULLIF(\(bind: transfer.description ?? ""), ''), \
                        \(bind: now))
                        """
                }
                query = """
                    INSERT INTO ledger_transfers
                        (id, idempotency_key, kind, reference_type, reference_id, currency, amount, description, created_at)
                    VALUES \(rows.joined(separator: ", "))
                    ON CONFLICT (idempotency_key) DO NOTHING
                    RETURNING idempotency_key
                    """
            }
            for row in try await sql.raw(query).all() {
                inserted.insert(try row.decode(column: "idempotency_key", as: String.self))
            }
        }
        return inserted
    }

    struct LockedAccount {
        var id: UUID
        var state: LedgerBatchPlan.AccountState
    }

    /// Reads the accounts of `codes` (sorted) and, on PostgreSQL, locks them in code order, so every batch takes
    /// its accounts in one global order and two batches never wait for each other in a circle.
    func lockAccounts(_ codes: [String]) async throws -> [String: LockedAccount] {
        var accounts: [String: LockedAccount] = [:]
        for chunk in codes.chunked(by: Self.chunkSize) {
            let rows: [any SQLRow]
            if postgres {
                rows = try await sql.raw(
                    """
                    SELECT a.id, a.code, a.balance, a.allows_negative
                    FROM UNNEST(\(bind: Array(chunk))::text[]) AS wanted(code)
                    JOIN ledger_accounts a ON a.code = wanted.code
                    ORDER BY a.code FOR UPDATE OF a
                    """
                ).all()
            } else {
                rows = try await sql.raw(
                    """
                    SELECT id, code, balance, allows_negative FROM ledger_accounts
                    WHERE code IN (\(binds: chunk.map { $0 as any Encodable & Sendable })) ORDER BY code
                    """
                ).all()
            }
            for row in rows {
                let state = LedgerBatchPlan.AccountState(
                    balance: try row.decode(column: "balance", as: Int64.self),
                    allowsNegative: try row.decode(column: "allows_negative", as: Bool.self))
                accounts[try row.decode(column: "code", as: String.self)] = LockedAccount(
                    id: try row.decode(column: "id", as: UUID.self), state: state)
            }
        }
        return accounts
    }

    /// Opens accounts (sorted by code) that do not exist yet. A concurrent twin is ignored
    /// (`ON CONFLICT DO NOTHING`), so two posters opening one account never fail, nor abort a PostgreSQL
    /// transaction.
    func openAccounts(_ accounts: [LedgerAccountRef], at now: Date) async throws {
        for chunk in accounts.chunked(by: Self.chunkSize) {
            let rows = chunk.map { account -> SQLQueryString in
                """
                (\(bind: UUID()), \(bind: account.code), \(bind: account.kind.rawValue), \(bind: account.ownerId), \
                \(bind: account.currency), \(bind: Int64(0)), \(bind: account.kind.isSource), \(bind: now))
                """
            }
            try await sql.raw(
                """
                INSERT INTO ledger_accounts (id, code, kind, owner_id, currency, balance, allows_negative, created_at)
                VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (code) DO NOTHING
                """
            ).run()
        }
    }

    /// Moves every account by its net change in one statement per chunk. The update is conditional, as a last
    /// guard under the batch plan's check: an account that holds money never goes below zero, whatever ran
    /// between the read and the write.
    func applyChanges(_ changes: [(id: UUID, code: String, amount: Int64)]) async throws {
        for chunk in changes.chunked(by: Self.chunkSize) {
            let changes: SQLQueryString
            if postgres {
                changes = """
                    SELECT * FROM UNNEST(\(bind: chunk.map(\.id))::uuid[], \(bind: chunk.map(\.amount))::bigint[])
                    """
            } else {
                let rows = chunk.map { change -> SQLQueryString in "(\(bind: change.id), \(bind: change.amount))" }
                changes = "VALUES \(rows.joined(separator: ", "))"
            }
            let moved = try await sql.raw(
                """
                WITH change (account_id, amount) AS (\(changes))
                UPDATE ledger_accounts SET balance = balance + change.amount
                FROM change
                WHERE ledger_accounts.id = change.account_id
                    AND (ledger_accounts.allows_negative OR ledger_accounts.balance + change.amount >= 0)
                RETURNING id
                """
            ).all()
            guard moved.count == chunk.count else {
                let movedIds = Set(try moved.map { try $0.decode(column: "id", as: UUID.self) })
                let refused = chunk.first { !movedIds.contains($0.id) }
                throw LedgerError.insufficientFunds(account: refused?.code ?? "?")
            }
        }
    }

    struct NewEntry {
        var transferId: UUID
        var accountId: UUID
        var amount: Int64
        var currency: String
    }

    func insertEntries(_ entries: [NewEntry], at now: Date) async throws {
        for chunk in entries.chunked(by: Self.chunkSize) {
            if postgres {
                try await sql.raw(
                    """
                    INSERT INTO ledger_entries (id, transfer_id, account_id, amount, currency, created_at)
                    SELECT e.id, e.transfer_id, e.account_id, e.amount, e.currency, \(bind: now)
                    FROM UNNEST(\(bind: chunk.map { _ in UUID() })::uuid[], \(bind: chunk.map(\.transferId))::uuid[],
                                \(bind: chunk.map(\.accountId))::uuid[], \(bind: chunk.map(\.amount))::bigint[],
                                \(bind: chunk.map(\.currency))::text[])
                        WITH ORDINALITY AS e(id, transfer_id, account_id, amount, currency, n)
                    ORDER BY e.n
                    """
                ).run()
                continue
            }
            let rows = chunk.map { entry -> SQLQueryString in
                """
                (\(bind: UUID()), \(bind: entry.transferId), \(bind: entry.accountId), \(bind: entry.amount), \
                \(bind: entry.currency), \(bind: now))
                """
            }
            try await sql.raw(
                """
                INSERT INTO ledger_entries (id, transfer_id, account_id, amount, currency, created_at)
                VALUES \(rows.joined(separator: ", "))
                """
            ).run()
        }
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` elements.
    func chunked(by size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
