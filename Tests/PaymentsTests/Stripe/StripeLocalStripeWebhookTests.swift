import Foundation
import Payments
import TestSupport
import Testing
import Vapor

extension StripeLocalStripeTests {
    /// localstripe signs its webhooks as Stripe does, with its own HMAC code: a second implementation to check
    /// `StripeWebhookSignature` and `StripeEvent` against.
    @Test("a webhook localstripe signs for a charge passes the signature check and decodes to the charged intent")
    func webhook() async throws {
        let server = try #require(LocalStripe.current)
        let secret = "whsec_localstripe_\(UUID().uuidString)"
        try await withWebhookReceiver { receiverURL, deliveries, client in
            // setup: every payment_intent.succeeded from now on, whichever test caused it, is posted to us
            try await register(receiverURL, secret: secret, on: server, client: client)
            let provider = StripePaymentProvider(
                secretKey: LocalStripe.secretKey, apiBase: server.baseURL, client: client,
                onboardingRefreshURL: "https://p2p.example/refresh", onboardingReturnURL: "https://p2p.example/done")

            // act
            let intent = try await provider.charge(.localStripe(paymentMethod: "pm_card_visa"))

            // assert
            let verifier = StripeWebhookSignature(secret: secret)
            for await delivery in deliveries {
                try verifier.verify(payload: delivery.body, header: delivery.signature, now: Date())
                let event = try StripeEvent.decode(delivery.body)
                guard case .paymentIntent(let paid) = event.object, paid.id == intent.id else { continue }
                #expect(event.type == "payment_intent.succeeded")
                #expect(event.id.hasPrefix("evt_"))
                #expect(paid.status == .succeeded)
                #expect(paid.amount == 2_500)
                #expect(paid.currency == "EUR")
                #expect(paid.reference == StripeAnswers.reference)
                return
            }
            Issue.record("the receiver stopped before the intent's webhook came")
        }
    }

    private struct Delivery: Sendable {
        var signature: String?
        var body: Data
    }

    /// localstripe's own configuration call: where to post events, signed with which secret.
    private func register(_ url: String, secret: String, on server: LocalStripe, client: any Client) async throws {
        let form = "url=\(url)&secret=\(secret)&events[]=payment_intent.succeeded"
        let response = try await client.post(URI(string: "\(server.baseURL)/_config/webhooks/\(UUID().uuidString)")) {
            request in
            request.headers.contentType = .urlEncodedForm
            request.body = ByteBuffer(string: form)
        }
        try #require(response.status == .ok)
    }

    /// A server on a free loopback port that hands every webhook posted to it to `body`, which gives up after two
    /// minutes: localstripe posts a second after the event, and a webhook that never comes must not hang the run.
    private func withWebhookReceiver(
        _ body: @escaping @Sendable (String, AsyncStream<Delivery>, any Client) async throws -> Void
    ) async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .error
        let (deliveries, received) = AsyncStream<Delivery>.makeStream()
        app.on(.POST, "webhooks", body: .collect(maxSize: "1mb")) { request in
            let bytes = request.body.data.map { Data($0.readableBytesView) } ?? Data()
            received.yield(Delivery(signature: request.headers.first(name: "Stripe-Signature"), body: bytes))
            return HTTPStatus.ok
        }
        do {
            try await app.asyncBoot()
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let client = app.client
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await body("http://127.0.0.1:\(port)/webhooks", deliveries, client) }
                group.addTask {
                    try await Task.sleep(for: .seconds(120))
                    Issue.record("no webhook for the intent within two minutes")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            await app.server.shutdown()
            try? await app.asyncShutdown()
            throw error
        }
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
