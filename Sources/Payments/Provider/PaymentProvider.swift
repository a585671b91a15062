import Foundation

/// The outside party that moves real money: charges a customer's card, refunds it, and pays travelers out.
///
/// The platform's own books are the ledger; a provider only answers whether money moved outside. Every call that
/// changes something carries an idempotency key derived from the business fact (`intent:<id>:create`), so a
/// retry after a timeout never charges twice. Implementations: `SandboxPaymentProvider` (deterministic, Stripe's
/// test payment methods) and `StripePaymentProvider` (Stripe's REST API).
public protocol PaymentProvider: Sendable {
    /// `sandbox` or `stripe`; stored with each intent so a webhook or a refund goes back to the same provider.
    var name: String { get }

    /// Creates a payment intent for `charge` and confirms it with its payment method at once.
    /// A declined card is not an error: the answer's status is `requiresPaymentMethod` with the decline.
    func charge(_ charge: ProviderCharge) async throws -> ProviderIntent

    /// Reads an intent's status again (after the customer's authentication step, or to reconcile).
    func retrieve(intent id: String) async throws -> ProviderIntent

    /// Confirms an intent whose authentication step the customer has completed.
    func confirm(intent id: String, idempotencyKey: String) async throws -> ProviderIntent

    /// Cancels an intent that has not succeeded, releasing any authorisation hold on the card.
    func cancel(intent id: String, idempotencyKey: String) async throws -> ProviderIntent

    /// Returns `amount` of a succeeded intent to the customer's card.
    func refund(intent id: String, amount: Int64, idempotencyKey: String) async throws -> ProviderRefund

    /// Opens a connected account that receives a traveler's payouts.
    func createPayoutAccount(_ account: ProviderAccountRequest) async throws -> ProviderAccount

    /// Reads a connected account's state (its requirements, whether it may receive payouts).
    func retrievePayoutAccount(id: String) async throws -> ProviderAccount

    /// Sends `amount` to a connected account (the platform's balance → the traveler's account → their bank).
    func payout(_ payout: ProviderPayoutRequest) async throws -> ProviderPayout
}
