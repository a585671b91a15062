import Fluent
import Foundation

/// Whether a payout account may receive money (`payout_account_status_enum`).
public enum PayoutAccountStatus: String, Codable, Sendable, CaseIterable {
    /// The traveler still has requirements to finish at the provider.
    case pending
    case active
    /// The provider disabled payouts (a failed verification, a closed account).
    case restricted
}

/// A row of `payout_accounts`.
public final class PayoutAccount: Model, @unchecked Sendable {
    public static let schema = "payout_accounts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userId: UUID
    @Field(key: "provider") public var provider: String
    /// The provider's account id (`acct_…`), whichever the provider.
    @Field(key: "stripe_account_id") public var providerAccountId: String
    /// `express`.
    @Field(key: "account_type") public var accountType: String
    @Field(key: "country") public var country: String
    @Field(key: "currency") public var currency: String
    @Enum(key: "status") public var status: PayoutAccountStatus
    @OptionalField(key: "capabilities") public var capabilities: [String: String]?
    /// What the traveler still has to provide at the provider.
    @Field(key: "requirements") public var requirements: [String]
    @Field(key: "verification_status") public var verificationStatus: String
    @OptionalField(key: "verification_details") public var verificationDetails: [String: String]?
    @OptionalField(key: "onboarding_url") public var onboardingURL: String?
    @Field(key: "balance_available") public var balanceAvailable: Int64
    @Field(key: "balance_pending") public var balancePending: Int64
    @OptionalField(key: "payout_schedule") public var payoutSchedule: [String: String]?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "verified_at") public var verifiedAt: Date?

    public init() {}
}

/// `standard` (on the weekly schedule, free) or `instant` (at once, for a fee) — `payout_type_enum`.
public enum PayoutType: String, Codable, Sendable, CaseIterable {
    case standard, instant
}

/// `payout_status_enum`: `pending` until the provider takes it, then `paid`, or `failed` (money returned).
public enum PayoutStatus: String, Codable, Sendable, CaseIterable {
    case pending
    case inTransit = "in_transit"
    case paid, failed
}

/// A row of `payouts`.
public final class Payout: Model, @unchecked Sendable {
    public static let schema = "payouts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userId: UUID
    @Field(key: "payout_account_id") public var payoutAccountId: UUID
    /// The provider's id of the movement (`tr_…`), whichever the provider.
    @OptionalField(key: "stripe_payout_id") public var providerPayoutId: String?
    /// What leaves the available balance.
    @Field(key: "amount") public var amount: Int64
    @Field(key: "currency") public var currency: String
    @Enum(key: "type") public var type: PayoutType
    @Enum(key: "status") public var status: PayoutStatus
    /// The instant payout fee, kept by the platform.
    @Field(key: "fee") public var fee: Int64
    /// What reaches the traveler's account.
    @Field(key: "net_amount") public var netAmount: Int64
    @OptionalField(key: "description") public var description: String?
    @OptionalField(key: "metadata") public var metadata: [String: String]?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "paid_at") public var paidAt: Date?
    @OptionalField(key: "failed_at") public var failedAt: Date?
    @OptionalField(key: "failure_reason") public var failureReason: String?

    public init() {}
}
