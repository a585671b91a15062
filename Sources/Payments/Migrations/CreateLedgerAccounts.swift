import Fluent
import Platform

/// `ledger_accounts`: one row per account, keyed by a readable code (`escrow:<delivery>:EUR`); the balance is
/// a cache of the account's entries that `LedgerAudit` checks.
struct CreateLedgerAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("ledger_accounts")
            .id()
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("owner_id", .uuid)
            .field("currency", .string, .required)
            .field("balance", .int64, .required)
            .field("allows_negative", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "code")
            .create()
        try await database.index(on: "ledger_accounts", name: "ledger_accounts_owner_idx", columns: ["owner_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ledger_accounts").delete()
    }
}
