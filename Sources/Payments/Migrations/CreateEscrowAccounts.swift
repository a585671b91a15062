import Fluent
import Platform

/// `escrow_accounts`: money held for one delivery, with the seed's columns. The money itself is the balance of
/// the delivery's escrow ledger account; this row is its state, which moves by a conditional update so that an
/// escrow resolves once. Deliveries and payment intents are referenced by id only: `Payments` sits below the
/// modules that own them.
struct CreateEscrowAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("escrow_accounts")
            .id()
            .field("payment_intent_id", .uuid)
            .field("delivery_id", .uuid, .required)
            .field("customer_id", .uuid, .required)
            .field("amount", .int64, .required)
            .field("currency", .string, .required)
            .field("status", .string, .required)
            .field("hold_until", .datetime)
            .field("release_condition", .string)
            .field("auto_release_enabled", .bool, .required)
            .field("released_at", .datetime)
            .field("released_amount", .int64)
            .field("release_reason", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "delivery_id")
            .create()
        try await database.index(on: "escrow_accounts", name: "escrow_accounts_status_idx", columns: ["status"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("escrow_accounts").delete()
    }
}
