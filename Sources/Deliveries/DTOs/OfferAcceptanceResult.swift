import Fluent
import Foundation
import Payments
import Platform
import QRCodes
import Vapor

/// What accepting an offer answers: the booked delivery, the payment itemised, and the handoff codes the
/// customer shows. While the card waits for authentication there is no delivery yet, only the payment and what
/// to do next.
struct OfferAcceptanceResult: Content, Sendable {
    var delivery: AcceptedDelivery?
    var paymentIntent: PaymentIntentResponse
    var qrCodes: [QRCodeResponse]

    static func load(_ intent: PaymentIntent, context: CallContext) async throws -> OfferAcceptanceResult {
        let payment = try PaymentIntentResponse(intent)
        guard let deliveryId = intent.deliveryId, let delivery = try await Delivery.find(deliveryId, on: context.db)
        else { return OfferAcceptanceResult(delivery: nil, paymentIntent: payment, qrCodes: []) }
        let viewer = try context.requirePrincipal()
        return OfferAcceptanceResult(
            delivery: try AcceptedDelivery(delivery, automatic: false), paymentIntent: payment,
            qrCodes: try await QRCodeQueries(context: context).codes(of: deliveryId, for: viewer))
    }
}
