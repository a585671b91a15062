import Fluent
import Foundation

/// A row of `payment_webhook_events`.
final class PaymentWebhookEvent: Model, @unchecked Sendable {
    static let schema = "payment_webhook_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "provider") var provider: String
    @Field(key: "event_id") var eventId: String
    @Field(key: "event_type") var eventType: String
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "processed_at") var processedAt: Date?

    init() {}
}
