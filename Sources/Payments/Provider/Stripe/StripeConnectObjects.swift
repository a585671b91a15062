import Foundation

/// A connected Account as Stripe's API answers it, the fields the platform reads.
struct StripeAccount: Decodable, Sendable {
    struct Requirements: Decodable, Sendable {
        var currentlyDue: [String]?
    }

    var id: String
    var payoutsEnabled: Bool
    var requirements: Requirements?

    func providerAccount(onboardingURL: String? = nil) -> ProviderAccount {
        ProviderAccount(
            id: id, payoutsEnabled: payoutsEnabled, requirements: requirements?.currentlyDue ?? [],
            onboardingURL: onboardingURL)
    }
}

/// An AccountLink: the Stripe-hosted page where a traveler completes their account.
struct StripeAccountLink: Decodable, Sendable {
    var url: String
}

/// A Transfer from the platform's balance to a connected account.
struct StripeTransfer: Decodable, Sendable {
    var id: String
}

/// A Payout from a connected account's balance to its bank account or debit card.
struct StripePayout: Decodable, Sendable {
    var id: String
    var status: String
    var failureMessage: String?

    /// The payout's state, reported under the id of the transfer that funded it: the platform knows a payout by
    /// its transfer, whether or not an instant payout followed.
    func providerPayout(transfer: String) throws -> ProviderPayout {
        guard let status = ProviderPayout.Status(rawValue: status) else {
            throw PaymentProviderError(
                isTemporary: false, message: "Stripe answered an unknown payout status '\(self.status)'")
        }
        return ProviderPayout(id: transfer, status: status, failureMessage: failureMessage)
    }
}
