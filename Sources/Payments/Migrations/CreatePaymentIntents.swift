import Fluent
import Platform

/// `payment_intents`: one attempt to charge a customer, with the seed's columns plus what booking needs before a
/// delivery exists (the offer being paid for, the payer and the payee), the provider that holds it, the
/// itemised price and the deadline of an authentication step. Deliveries and offers are referenced by id only.
struct CreatePaymentIntents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("payment_intents")
            .id()
            .field("delivery_id", .uuid)
            .field("offer_id", .uuid)
            .field("customer_id", .uuid, .required)
            .field("traveler_id", .uuid)
            .field("provider", .string, .required)
            .field("stripe_payment_intent_id", .string)
            .field("amount", .int64, .required)
            .field("currency", .string, .required)
            .field("status", .string, .required)
            .field("payment_method_id", .string, .required)
            .field("client_secret", .string)
            .field("next_action_url", .string)
            .field("traveler_price", .int64, .required)
            .field("platform_fee", .int64, .required)
            .field("processing_fee", .int64, .required)
            .field("insurance_fee", .int64, .required)
            .field("credits_applied", .int64, .required)
            .field("total_fees", .int64, .required)
            .field("metadata", .json)
            .field("decline_code", .string)
            .field("failure_reason", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .field("failed_at", .datetime)
            .field("canceled_at", .datetime)
            .field("action_expires_at", .datetime)
            .unique(on: "stripe_payment_intent_id")
            .unique(on: "delivery_id")
            .create()
        try await database.index(
            on: "payment_intents", name: "payment_intents_customer_idx", columns: ["customer_id", "created_at"])
        try await database.index(on: "payment_intents", name: "payment_intents_offer_idx", columns: ["offer_id"])
        try await database.index(
            on: "payment_intents", name: "payment_intents_status_idx", columns: ["status", "action_expires_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("payment_intents").delete()
    }
}
