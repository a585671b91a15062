import Foundation

/// Travelers are paid through Connect Express accounts: the platform transfers their share from its balance to
/// their account, and Stripe pays the account out to their bank.
extension StripePaymentProvider {
    /// Opens the account, then an onboarding link to the Stripe-hosted page where the traveler gives what Stripe
    /// needs (identity, bank account) before payouts are enabled.
    public func createPayoutAccount(_ request: ProviderAccountRequest) async throws -> ProviderAccount {
        let form: StripeForm = [
            "type": "express",
            "country": request.country,
            "email": request.email,
            "default_currency": request.currency.lowercased(),
            "capabilities[transfers][requested]": "true",
            "metadata[reference]": request.reference.uuidString,
        ]
        let account: StripeAccount = try await api.post(
            "/v1/accounts", form, idempotencyKey: request.idempotencyKey)
        let linkForm: StripeForm = [
            "account": account.id,
            "refresh_url": connect.refreshURL,
            "return_url": connect.returnURL,
            "type": "account_onboarding",
        ]
        let link: StripeAccountLink = try await api.post(
            "/v1/account_links", linkForm, idempotencyKey: request.idempotencyKey + ":onboarding-link")
        return account.providerAccount(onboardingURL: link.url)
    }

    public func retrievePayoutAccount(id: String) async throws -> ProviderAccount {
        let account: StripeAccount = try await api.get(StripeAPI.path("accounts", id))
        return account.providerAccount()
    }

    /// A transfer to the connected account; an instant payout also pays that account out to its debit card at
    /// once, as a payout made on the account (`Stripe-Account`).
    ///
    /// A standard payout is `pending` once transferred: the account's bank payout follows on its schedule and is
    /// reported by the `payout.paid` and `payout.failed` webhooks. When the instant payout fails after the
    /// transfer, the call throws; retrying it under the same key replays the transfer and retries the payout.
    public func payout(_ request: ProviderPayoutRequest) async throws -> ProviderPayout {
        let transferForm: StripeForm = [
            "amount": String(request.amount),
            "currency": request.currency.lowercased(),
            "destination": request.account,
            "metadata[reference]": request.reference.uuidString,
        ]
        let transfer: StripeTransfer = try await api.post(
            "/v1/transfers", transferForm, idempotencyKey: request.idempotencyKey)
        guard request.instant else { return ProviderPayout(id: transfer.id, status: .pending) }
        let payoutForm: StripeForm = [
            "amount": String(request.amount),
            "currency": request.currency.lowercased(),
            "method": "instant",
            "metadata[reference]": request.reference.uuidString,
        ]
        let payout: StripePayout = try await api.post(
            "/v1/payouts", payoutForm, idempotencyKey: request.idempotencyKey + ":instant-payout",
            account: request.account)
        return try payout.providerPayout(transfer: transfer.id)
    }
}
