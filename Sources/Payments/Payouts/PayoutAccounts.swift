import Fluent
import Foundation
import Platform

/// Travelers' payout accounts: opened at the provider, kept in step with what it requires.
public struct PayoutAccounts: Sendable {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    public struct Opening: Sendable {
        public var country: String
        public var currency: String
        public var email: String

        public init(country: String, currency: String, email: String) {
            self.country = country
            self.currency = currency
            self.email = email
        }
    }

    /// Opens the member's account in `opening.currency`; one per currency.
    public func open(_ opening: Opening, for userId: UUID) async throws -> PayoutAccount {
        let currency = opening.currency.uppercased()
        if try await account(of: userId, currency: currency) != nil { throw PayoutError.accountExists }
        let id = UUID()
        let answer: ProviderAccount
        do {
            answer = try await context.paymentProvider.createPayoutAccount(
                ProviderAccountRequest(
                    country: opening.country, email: opening.email, currency: currency, reference: id,
                    idempotencyKey: "payout-account:\(userId.uuidString.lowercased()):\(currency)"))
        } catch let error as PaymentProviderError {
            throw error.isTemporary ? PaymentError.providerUnavailable : PaymentError.providerRefused(error.message)
        }
        let account = PayoutAccount()
        account.id = id
        account.userId = userId
        account.provider = context.paymentProvider.name
        account.providerAccountId = answer.id
        account.accountType = "express"
        account.country = opening.country.uppercased()
        account.currency = currency
        account.balanceAvailable = 0
        account.balancePending = 0
        account.payoutSchedule = ["interval": "weekly"]
        account.createdAt = context.now
        Self.apply(answer, to: account, now: context.now)
        try await account.create(on: context.db)
        return account
    }

    /// The member's accounts, each read again from the provider so requirements are current.
    public func accounts(of userId: UUID) async throws -> [PayoutAccount] {
        let accounts = try await PayoutAccount.query(on: context.db).filter(\.$userId == userId).all()
        for account in accounts where account.status != .active {
            if let answer = try? await context.paymentProvider.retrievePayoutAccount(id: account.providerAccountId) {
                Self.apply(answer, to: account, now: context.now)
                try await account.save(on: context.db)
            }
        }
        return accounts
    }

    /// The provider's word on an account (from a read or an `account.updated` webhook).
    public func update(providerAccountId: String, with answer: ProviderAccount) async throws {
        guard
            let account = try await PayoutAccount.query(on: context.db)
                .filter(\.$providerAccountId == providerAccountId).first()
        else { return }
        Self.apply(answer, to: account, now: context.now)
        try await account.save(on: context.db)
    }

    func account(of userId: UUID, currency: String) async throws -> PayoutAccount? {
        try await PayoutAccount.query(on: context.db).filter(\.$userId == userId)
            .filter(\.$currency == currency.uppercased()).first()
    }

    static func apply(_ answer: ProviderAccount, to account: PayoutAccount, now: Date) {
        account.requirements = answer.requirements
        account.onboardingURL = answer.onboardingURL
        account.status = answer.payoutsEnabled ? .active : .pending
        account.verificationStatus = answer.payoutsEnabled ? "verified" : "unverified"
        if answer.payoutsEnabled, account.verifiedAt == nil { account.verifiedAt = now }
        account.updatedAt = now
    }
}
