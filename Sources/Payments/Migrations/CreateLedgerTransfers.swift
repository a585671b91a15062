import Fluent
import Platform

/// `ledger_transfers`: immutable, balanced movements of money, each naming the business fact that caused it
/// and carrying the idempotency key that makes that fact post once.
struct CreateLedgerTransfers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("ledger_transfers")
            .id()
            .field("idempotency_key", .string, .required)
            .field("kind", .string, .required)
            .field("reference_type", .string, .required)
            .field("reference_id", .uuid, .required)
            .field("currency", .string, .required)
            .field("amount", .int64, .required)
            .field("description", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "idempotency_key")
            .create()
        try await database.index(
            on: "ledger_transfers", name: "ledger_transfers_reference_idx", columns: ["reference_type", "reference_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ledger_transfers").delete()
    }
}
