import Fluent
import Foundation

/// A row of `ledger_accounts`.
public final class LedgerAccount: Model, @unchecked Sendable {
    public static let schema = "ledger_accounts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Enum(key: "kind") public var kind: LedgerAccountKind
    @OptionalField(key: "owner_id") public var ownerId: UUID?
    @Field(key: "currency") public var currency: String
    /// Minor units: the sum of the account's entries.
    @Field(key: "balance") public var balance: Int64
    @Field(key: "allows_negative") public var allowsNegative: Bool
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A row of `ledger_transfers`; never updated or deleted.
public final class LedgerTransfer: Model, @unchecked Sendable {
    public static let schema = "ledger_transfers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "idempotency_key") public var idempotencyKey: String
    @Field(key: "kind") public var kind: String
    @Field(key: "reference_type") public var referenceType: String
    @Field(key: "reference_id") public var referenceId: UUID
    @Field(key: "currency") public var currency: String
    @Field(key: "amount") public var amount: Int64
    @OptionalField(key: "description") public var description: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A row of `ledger_entries`: one leg of a transfer.
public final class LedgerEntry: Model, @unchecked Sendable {
    public static let schema = "ledger_entries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "transfer_id") public var transferId: UUID
    @Field(key: "account_id") public var accountId: UUID
    @Field(key: "amount") public var amount: Int64
    @Field(key: "currency") public var currency: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
