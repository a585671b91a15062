import Foundation
import Payments

extension ProviderCharge {
    /// A 25 € charge under a fresh idempotency key, as the platform makes one for a delivery.
    static func stripeMock(
        paymentMethod: String = "pm_card_visa", description: String = "Delivery Lyon to Paris",
        reference: UUID = StripeAnswers.reference, idempotencyKey: String = "intent:\(UUID().uuidString):create"
    ) -> ProviderCharge {
        ProviderCharge(
            amount: 2_500, currency: "EUR", paymentMethod: paymentMethod, description: description,
            reference: reference, idempotencyKey: idempotencyKey)
    }
}
