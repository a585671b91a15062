import Foundation
import Platform
import Vapor

/// `POST /payments/payout-accounts`.
struct PayoutAccountInput: Content {
    /// ISO 3166-1 alpha-2 (`GB`, `FR`).
    var country: String?
    var currency: String?
    /// Where the provider writes about the account; the member's sign-in address when absent.
    var email: String?

    func validated() throws -> PayoutAccounts.Opening {
        var check = RuleCheck()
        let country = country?.trimmingCharacters(in: .whitespacesAndNewlines).uppercased() ?? ""
        check.require(
            country.count == 2 && country.allSatisfy { $0.isASCII && $0.isLetter },
            "country must be an ISO 3166-1 alpha-2 code such as GB")
        let currency = currency?.trimmingCharacters(in: .whitespacesAndNewlines).uppercased() ?? ""
        check.require(Currency(code: currency) != nil, "currency must be one of the platform's currencies")
        check.require((email?.count ?? 0) <= 254, "email must be at most 254 characters")
        try check.throwIfBroken()
        return PayoutAccounts.Opening(country: country, currency: currency, email: email ?? "")
    }
}

extension PayoutAccountInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        [
            "country": FieldRule.trimmedMatching("[A-Za-z]{2}").required, "currency": FieldRule.currency.required,
            "email": .characters(upTo: 254),
        ]
    }
}

/// `POST /payments/payouts`.
struct PayoutInput: Content {
    var currency: String?
    /// Minor units; everything available when absent.
    var amount: Int64?
    /// `standard` (default) or `instant`.
    var type: PayoutType?
    /// An admin's manual payout names the traveler.
    var userId: UUID?
    /// Why an admin pays out by hand, for the audit log.
    var reason: String?
}

extension PayoutInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        [
            "currency": FieldRule.currency.required, "amount": .integer(1...100_000_000), "userId": .format("uuid"),
            "reason": .characters(upTo: 500),
        ]
    }
}

struct PayoutAccountResponse: Content {
    var id: UUID
    var provider: String
    var providerAccountId: String
    var country: String
    var currency: String
    var status: PayoutAccountStatus
    /// What the traveler still has to finish at the provider.
    var requirements: [String]
    var onboardingUrl: String?
    var verifiedAt: Date?
    var createdAt: Date

    init(_ account: PayoutAccount) throws {
        id = try account.requireID()
        provider = account.provider
        providerAccountId = account.providerAccountId
        country = account.country
        currency = account.currency
        status = account.status
        requirements = account.requirements
        onboardingUrl = account.onboardingURL
        verifiedAt = account.verifiedAt
        createdAt = account.createdAt
    }
}

struct PayoutResponse: Content {
    var id: UUID
    var type: PayoutType
    var status: PayoutStatus
    var amount: Money
    var fee: Money
    var netAmount: Money
    var providerPayoutId: String?
    var description: String?
    var failureReason: String?
    var createdAt: Date
    var paidAt: Date?
    var failedAt: Date?

    init(_ payout: Payout) throws {
        let currency = Currency(code: payout.currency) ?? .eur
        id = try payout.requireID()
        type = payout.type
        status = payout.status
        amount = Money(amount: payout.amount, currency: currency)
        fee = Money(amount: payout.fee, currency: currency)
        netAmount = Money(amount: payout.netAmount, currency: currency)
        providerPayoutId = payout.providerPayoutId
        description = payout.description
        failureReason = payout.failureReason
        createdAt = payout.createdAt
        paidAt = payout.paidAt
        failedAt = payout.failedAt
    }
}
