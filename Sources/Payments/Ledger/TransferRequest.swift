import Foundation
import Platform

/// What a transfer is for, and the record that caused it.
public struct TransferCause: Hashable, Sendable {
    /// The business fact (`payment_captured`, `escrow_released`, `refund`, …).
    public var kind: String
    /// The kind of record (`delivery`, `payment_intent`, `refund`, `payout`, `dispute`).
    public var referenceType: String
    public var referenceId: UUID

    public init(_ kind: String, referenceType: String, referenceId: UUID) {
        self.kind = kind
        self.referenceType = referenceType
        self.referenceId = referenceId
    }
}

/// A movement of money between accounts: one amount in minor units taken from some accounts and given to
/// others, all in one currency. It posts once per idempotency key.
public struct TransferRequest: Sendable {
    public struct Leg: Hashable, Sendable {
        public var account: LedgerAccountRef
        /// Minor units; positive credits the account, negative debits it.
        public var amount: Int64

        public init(_ account: LedgerAccountRef, _ amount: Int64) {
            self.account = account
            self.amount = amount
        }
    }

    public var idempotencyKey: String
    public var cause: TransferCause
    public var legs: [Leg]
    public var description: String?

    public init(idempotencyKey: String, cause: TransferCause, legs: [Leg], description: String? = nil) {
        self.idempotencyKey = idempotencyKey
        self.cause = cause
        self.legs = legs
        self.description = description
    }

    /// A plain move of `amount` from one account to another.
    public static func move(
        _ amount: Int64, from source: LedgerAccountRef, to destination: LedgerAccountRef, key: String,
        cause: TransferCause
    ) -> TransferRequest {
        TransferRequest(idempotencyKey: key, cause: cause, legs: [Leg(source, -amount), Leg(destination, amount)])
    }

    public var currency: String? { legs.first?.account.currency }

    /// The money moved: the sum of the credits.
    public var amount: Int64 { legs.filter { $0.amount > 0 }.reduce(0) { $0 + $1.amount } }

    /// Every broken rule: a key, two legs or more on distinct accounts, one currency, no zero leg, no overflow,
    /// and legs that sum to zero.
    public var problems: [String] {
        var check = RuleCheck()
        check.require((1...200).contains(idempotencyKey.count), "a transfer needs an idempotency key")
        check.require(legs.count >= 2, "a transfer needs at least two legs")
        check.require(Set(legs.map(\.account)).count == legs.count, "a transfer names each account once")
        check.require(Set(legs.map(\.account.currency)).count <= 1, "a transfer moves one currency")
        check.require(
            Currency(code: currency ?? "") != nil, "a transfer's currency must be one the platform knows")
        check.require(!legs.contains { $0.amount == 0 }, "a transfer's legs move money")
        var sum: Int64 = 0
        var overflow = false
        for leg in legs {
            let (next, overflowed) = sum.addingReportingOverflow(leg.amount)
            overflow = overflow || overflowed
            sum = next
        }
        check.require(!overflow && sum == 0, "a transfer's legs must sum to zero")
        return check.problems
    }
}
