import Fluent
import Platform

/// `payout_accounts`: a traveler's connected account at the provider, with the seed's columns. The balances the
/// seed keeps here live in the ledger instead (`traveler_pending`, `traveler_available`); the columns stay for
/// the provider's own figures.
struct CreatePayoutAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("payout_accounts")
            .id()
            .field("user_id", .uuid, .required)
            .field("provider", .string, .required)
            .field("stripe_account_id", .string, .required)
            .field("account_type", .string, .required)
            .field("country", .string, .required)
            .field("currency", .string, .required)
            .field("status", .string, .required)
            .field("capabilities", .json)
            .field("requirements", .array(of: .string), .required)
            .field("verification_status", .string, .required)
            .field("verification_details", .json)
            .field("onboarding_url", .string)
            .field("balance_available", .int64, .required)
            .field("balance_pending", .int64, .required)
            .field("payout_schedule", .json)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("verified_at", .datetime)
            .unique(on: "stripe_account_id")
            .unique(on: "user_id", "currency")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("payout_accounts").delete()
    }
}

/// `payouts`: money leaving a traveler's available balance for their account, with the seed's columns.
struct CreatePayouts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("payouts")
            .id()
            .field("user_id", .uuid, .required)
            .field("payout_account_id", .uuid, .required)
            .field("stripe_payout_id", .string)
            .field("amount", .int64, .required)
            .field("currency", .string, .required)
            .field("type", .string, .required)
            .field("status", .string, .required)
            .field("fee", .int64, .required)
            .field("net_amount", .int64, .required)
            .field("description", .string)
            .field("metadata", .json)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("paid_at", .datetime)
            .field("failed_at", .datetime)
            .field("failure_reason", .string)
            .create()
        try await database.index(on: "payouts", name: "payouts_user_idx", columns: ["user_id", "created_at"])
        try await database.index(on: "payouts", name: "payouts_status_idx", columns: ["status"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("payouts").delete()
    }
}
