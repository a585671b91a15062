import Fluent
import Foundation

/// A row of `escrow_accounts`.
public final class EscrowAccount: Model, @unchecked Sendable {
    public static let schema = "escrow_accounts"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "payment_intent_id") public var paymentIntentId: UUID?
    @Field(key: "delivery_id") public var deliveryId: UUID
    @Field(key: "customer_id") public var customerId: UUID
    /// Minor units held.
    @Field(key: "amount") public var amount: Int64
    @Field(key: "currency") public var currency: String
    @Enum(key: "status") public var status: EscrowStatus
    /// When the hold may be released by itself if nobody disputes.
    @OptionalField(key: "hold_until") public var holdUntil: Date?
    @OptionalField(key: "release_condition") public var releaseCondition: String?
    @Field(key: "auto_release_enabled") public var autoReleaseEnabled: Bool
    @OptionalField(key: "released_at") public var releasedAt: Date?
    /// What went to the traveler (before commission) when it resolved.
    @OptionalField(key: "released_amount") public var releasedAmount: Int64?
    @OptionalField(key: "release_reason") public var releaseReason: String?
    /// When the traveler's share left their pending balance for the available one.
    @OptionalField(key: "cleared_at") public var clearedAt: Date?
    /// When a dispute opened after release began holding the traveler's pending share.
    @OptionalField(key: "disputed_at") public var disputedAt: Date?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    /// The ledger account that holds this escrow's money.
    public var ledgerAccount: LedgerAccountRef { LedgerAccountRef(.escrow, owner: deliveryId, currency: currency) }
}
