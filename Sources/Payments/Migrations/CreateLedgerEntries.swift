import Fluent
import Platform

/// `ledger_entries`: the legs of a transfer, one signed amount per account (credit positive); a transfer's
/// legs sum to zero.
struct CreateLedgerEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("ledger_entries")
            .id()
            .field("transfer_id", .uuid, .required, .references("ledger_transfers", "id"))
            .field("account_id", .uuid, .required, .references("ledger_accounts", "id"))
            .field("amount", .int64, .required)
            .field("currency", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(on: "ledger_entries", name: "ledger_entries_account_idx", columns: ["account_id"])
        try await database.index(on: "ledger_entries", name: "ledger_entries_transfer_idx", columns: ["transfer_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ledger_entries").delete()
    }
}
