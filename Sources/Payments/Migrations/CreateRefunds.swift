import Fluent
import Foundation
import Platform
import SQLKit

/// `refunds`: money going back to a customer's card, with the seed's columns and the delivery it was for. The
/// ledger records the refund when it is decided; this row follows the provider's side (`pending` until the
/// provider confirms), so a refund the provider has not yet taken is visible and retried.
struct CreateRefunds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("refunds")
            .id()
            .field("payment_intent_id", .uuid, .required)
            .field("delivery_id", .uuid)
            .field("stripe_refund_id", .string)
            .field("amount", .int64, .required)
            .field("currency", .string, .required)
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("customer_refund", .int64, .required)
            .field("traveler_compensation", .int64, .required)
            .field("platform_fee_refund", .int64, .required)
            .field("description", .string)
            .field("metadata", .json)
            .field("failure_reason", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("processed_at", .datetime)
            .unique(on: "stripe_refund_id")
            .create()
        try await database.index(on: "refunds", name: "refunds_intent_idx", columns: ["payment_intent_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("refunds").delete()
    }
}

/// `cancellation_policies` (not in the seed schema): what a cancellation gives back, by who cancels and how
/// long before the pickup. Rows, so that the policy is changed as data; the defaults are written here.
struct CreateCancellationPolicies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cancellation_policies")
            .id()
            .field("cancelled_by", .string, .required)
            .field("min_hours_before_pickup", .int, .required)
            .field("customer_refund_bps", .int, .required)
            .field("traveler_share_bps", .int, .required)
            .field("refunds_processing_fee", .bool, .required)
            .field("description", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "cancelled_by", "min_hours_before_pickup")
            .create()
        // Written as plain rows, not through the model: this migration must keep working as the model grows.
        let now = Date()
        for rule in Self.defaults {
            try await database.sqlDatabase.insert(into: "cancellation_policies")
                .columns(
                    "id", "cancelled_by", "min_hours_before_pickup", "customer_refund_bps", "traveler_share_bps",
                    "refunds_processing_fee", "description", "created_at"
                )
                .values(
                    SQLBind(UUID()), SQLBind(rule.by), SQLBind(rule.hours), SQLBind(rule.customer),
                    SQLBind(rule.traveler), SQLBind(rule.fee), SQLBind(rule.description), SQLBind(now)
                )
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cancellation_policies").delete()
    }

    /// The policy a new installation starts with: anyone but the customer cancelling refunds everything, fee
    /// included; a customer gets the price back a day or more ahead, half of it later (the traveler keeps the
    /// other half for the trip they planned around it); the processing fee a customer's cancellation leaves
    /// spent stays spent.
    static let defaults: [(by: String, hours: Int, customer: Int, traveler: Int, fee: Bool, description: String)] = [
        ("customer", 24, 10_000, 0, false, "Customer, 24 h or more before pickup"),
        ("customer", 0, 5_000, 5_000, false, "Customer, less than 24 h before pickup"),
        ("traveler", 0, 10_000, 0, true, "Traveler cancels"),
        ("admin", 0, 10_000, 0, true, "An admin cancels"),
        ("system", 0, 10_000, 0, true, "The trip was cancelled"),
    ]
}

/// `escrow_accounts.cleared_at`: when a released escrow's earnings left the traveler's pending balance for the
/// available one, so the clearing job moves each release once.
struct AddEscrowClearing: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("escrow_accounts").field("cleared_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("escrow_accounts").deleteField("cleared_at").update()
    }
}

/// `escrow_accounts.disputed_at`: a dispute opened after the drop holds the traveler's pending share; the
/// clearing job leaves such an escrow alone until the dispute is resolved.
struct AddEscrowDisputeHold: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("escrow_accounts").field("disputed_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("escrow_accounts").deleteField("disputed_at").update()
    }
}
