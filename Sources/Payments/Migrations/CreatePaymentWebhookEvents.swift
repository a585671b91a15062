import Fluent
import Platform

/// `payment_webhook_events` (not in the seed schema): every provider event received, by its id, so that an
/// event delivered twice is processed once; `processed_at` stays empty when processing failed, and the
/// provider's retry processes it again.
struct CreatePaymentWebhookEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("payment_webhook_events")
            .id()
            .field("provider", .string, .required)
            .field("event_id", .string, .required)
            .field("event_type", .string, .required)
            .field("received_at", .datetime, .required)
            .field("processed_at", .datetime)
            .unique(on: "provider", "event_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("payment_webhook_events").delete()
    }
}
