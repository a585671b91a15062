import Fluent
import Platform
import SQLKit

/// The order entries were written in, for statements and running balances: entries of one batch, or of one
/// instant of the clock, share their `created_at`. PostgreSQL gets a `seq` column from a sequence (existing rows
/// numbered as they are stored); SQLite has it already, as the `rowid` that inserts number upwards and that every
/// index carries, and entries are never deleted.
struct AddLedgerEntrySequence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard database.isPostgres else { return }
        let sql = try database.sqlDatabase
        try await sql.raw("ALTER TABLE ledger_entries ADD COLUMN seq BIGSERIAL").run()
        try await sql.raw("CREATE INDEX ledger_entries_account_seq_idx ON ledger_entries (account_id, seq)").run()
    }

    func revert(on database: any Database) async throws {
        guard database.isPostgres else { return }
        try await database.sqlDatabase.raw("ALTER TABLE ledger_entries DROP COLUMN seq").run()
    }
}

/// The entries' writing order as an SQL expression on the alias `alias`: `seq` on PostgreSQL, `rowid` on SQLite.
enum LedgerEntryOrder {
    static func column(_ alias: String, on db: any Database) -> String {
        "\(alias).\(db.isPostgres ? "seq" : "rowid")"
    }
}
