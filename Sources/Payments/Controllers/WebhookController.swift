import Foundation
import Platform
import Vapor

/// Events from the payment provider. Not behind sign-in: the signature is the authentication.
struct WebhookController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("payments", "webhooks").on(.POST, "stripe", body: .collect(maxSize: "1mb"), use: stripe)
            .doc(
                "Stripe's events, verified by Stripe-Signature (HMAC-SHA256, 5 minutes' tolerance), each processed once",
                auth: false, bodyOptional: true, also: [400, 404])
    }

    struct Received: Content {
        var received: Bool
        var outcome: String
    }

    @Sendable func stripe(req: Request) async throws -> Envelope<Received> {
        guard let secret = req.application.paymentsSettings.stripeWebhookSecret else {
            throw APIError.notFound("Stripe webhooks are not configured on this installation (STRIPE_WEBHOOK_SECRET)")
        }
        let payload = req.body.data.map { Data($0.readableBytesView) } ?? Data()
        let context = req.callContext
        do {
            try StripeWebhookSignature(secret: secret).verify(
                payload: payload, header: req.headers.first(name: "Stripe-Signature"), now: context.now)
        } catch {
            throw APIError(.badRequest, code: "INVALID_SIGNATURE", reason: "Stripe-Signature does not verify: \(error)")
        }
        let event: StripeEvent
        do { event = try StripeEvent.decode(payload) } catch {
            throw APIError.badRequest("The body is not a Stripe event")
        }
        let outcome = try await StripeWebhooks(context: context).receive(event)
        return Envelope(Received(received: true, outcome: outcome.rawValue))
    }
}
