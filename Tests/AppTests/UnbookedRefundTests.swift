import Foundation
import Payments
import Synchronization
import TestSupport
import Testing

/// A charge whose booking failed is refunded even when the provider cannot take the refund at first: the intent
/// waits `processing` (never mistaken for an abandoned authentication) and a job retries until the refund is made.
@Suite("Refunds of unbooked payments")
struct UnbookedRefundTests {
    @Test("the provider refuses the refund for a while: the job retries it, and the customer is refunded once")
    func refundRetried() async throws {
        try await withTestApp { t in
            var traveler = try await t.signUp(userType: "traveler")
            var customer = try await t.signUp(userType: "customer")
            let tripId = try await t.createTrip(for: traveler)
            let requestId = try await t.createRequest(for: customer)
            let offerId = try await t.createOffer(by: traveler, on: requestId, tripId: tripId)
            let pending = try await t.accept(offerId, by: customer, paymentMethod: "pm_card_authenticationRequired")
            let intentId = try #require(pending.string("data.paymentIntent.id"), "\(pending.text)")
            let withdrawn = try await t.request(.DELETE, "/api/v1/offers/\(offerId)", token: traveler.accessToken)
            #expect(withdrawn.status == .ok, "\(withdrawn.text)")

            let provider = RefusingRefunds(wrapping: t.app.paymentProvider)
            t.app.paymentProvider = provider
            let confirmed = try await t.request(
                .POST, "/api/v1/payments/intents/\(intentId)/confirm", token: customer.accessToken)
            #expect(confirmed.status == .conflict, "\(confirmed.text)")
            let waiting = try await t.request(.GET, "/api/v1/payments/intents/\(intentId)", token: customer.accessToken)
            #expect(waiting.string("data.status") == "processing")
            #expect(try await LedgerTransfer.query(on: t.app.db).count() == 0)
            #expect(try await EscrowAccount.query(on: t.app.db).count() == 0)

            // Past the authentication window, with the provider still refusing: the sweep leaves the charge alone.
            t.clock.advance(by: 16 * 60)
            try await t.runJobs()
            customer = try await t.logIn(customer)
            let stillWaiting = try await t.request(
                .GET, "/api/v1/payments/intents/\(intentId)", token: customer.accessToken)
            #expect(stillWaiting.string("data.status") == "processing")

            provider.refusing.withLock { $0 = false }
            t.clock.advance(by: 3600)
            try await t.runJobs()
            customer = try await t.logIn(customer)
            traveler = try await t.logIn(traveler)
            let refunded = try await t.request(
                .GET, "/api/v1/payments/intents/\(intentId)", token: customer.accessToken)
            #expect(refunded.string("data.status") == "refunded")
            #expect(provider.refunds.withLock { $0 } == 1)
            t.clock.advance(by: 24 * 3600)
            try await t.runJobs()
            #expect(provider.refunds.withLock { $0 } == 1, "no second refund once it went through")
            #expect(try await LedgerAudit(db: t.app.db).violations() == [])
        }
    }
}

/// The sandbox, but refunds refused as a provider briefly out of reach refuses them, until told otherwise.
private final class RefusingRefunds: PaymentProvider {
    let wrapping: any PaymentProvider
    let refusing = Mutex(true)
    let refunds = Mutex(0)

    init(wrapping: any PaymentProvider) {
        self.wrapping = wrapping
    }

    var name: String { wrapping.name }

    func charge(_ charge: ProviderCharge) async throws -> ProviderIntent { try await wrapping.charge(charge) }
    func retrieve(intent id: String) async throws -> ProviderIntent { try await wrapping.retrieve(intent: id) }
    func confirm(intent id: String, idempotencyKey: String) async throws -> ProviderIntent {
        try await wrapping.confirm(intent: id, idempotencyKey: idempotencyKey)
    }
    func cancel(intent id: String, idempotencyKey: String) async throws -> ProviderIntent {
        try await wrapping.cancel(intent: id, idempotencyKey: idempotencyKey)
    }
    func refund(intent id: String, amount: Int64, idempotencyKey: String) async throws -> ProviderRefund {
        guard !refusing.withLock({ $0 }) else {
            throw PaymentProviderError(isTemporary: true, message: "The provider did not answer in time")
        }
        refunds.withLock { $0 += 1 }
        return try await wrapping.refund(intent: id, amount: amount, idempotencyKey: idempotencyKey)
    }
    func createPayoutAccount(_ account: ProviderAccountRequest) async throws -> ProviderAccount {
        try await wrapping.createPayoutAccount(account)
    }
    func retrievePayoutAccount(id: String) async throws -> ProviderAccount {
        try await wrapping.retrievePayoutAccount(id: id)
    }
    func payout(_ payout: ProviderPayoutRequest) async throws -> ProviderPayout {
        try await wrapping.payout(payout)
    }
}
