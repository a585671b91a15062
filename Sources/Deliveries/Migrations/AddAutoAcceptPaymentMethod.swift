import Fluent

/// `delivery_requests.auto_accept_payment_method`: accepting an offer is paying for it, so an auto-accept
/// rule carries the payment method it charges.
struct AddAutoAcceptPaymentMethod: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("delivery_requests").field("auto_accept_payment_method", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("delivery_requests").deleteField("auto_accept_payment_method").update()
    }
}
