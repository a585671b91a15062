import Fluent
import Foundation
import Payments

/// What a dispute is about (`dispute_category_enum`).
public enum DisputeCategory: String, Codable, Sendable, CaseIterable {
    case itemDamaged = "item_damaged"
    case itemLost = "item_lost"
    case notDelivered = "not_delivered"
    case lateDelivery = "late_delivery"
    case wrongItem = "wrong_item"
    case payment
    case behaviour
    /// Opened by the card issuer: a chargeback.
    case chargeback
    case other
}

/// `dispute_priority_enum`: chargebacks and lost items first.
public enum DisputePriority: String, Codable, Sendable, CaseIterable {
    case low, medium, high, urgent
}

/// `dispute_status_enum`: `open` → `under_review` (assigned) → `resolved`.
public enum DisputeStatus: String, Codable, Sendable, CaseIterable {
    case open
    case underReview = "under_review"
    case resolved

    public var isOpen: Bool { self != .resolved }
}

/// A row of `disputes`.
public final class Dispute: Model, @unchecked Sendable {
    public static let schema = "disputes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "delivery_id") public var deliveryId: UUID
    @OptionalField(key: "payment_intent_id") public var paymentIntentId: UUID?
    @Field(key: "case_number") public var caseNumber: String
    @Enum(key: "category") public var category: DisputeCategory
    @Enum(key: "priority") public var priority: DisputePriority
    @Enum(key: "status") public var status: DisputeStatus
    @Field(key: "complainant_id") public var complainantId: UUID
    @Field(key: "respondent_id") public var respondentId: UUID
    /// The money at stake when it opened.
    @Field(key: "amount") public var amount: Int64
    @Field(key: "currency") public var currency: String
    @Field(key: "description") public var description: String
    @Enum(key: "requested_resolution") public var requestedResolution: DisputeResolution
    /// What opening it held.
    @Enum(key: "held") public var held: DisputeMoney.Held
    /// `member`, `admin` or `chargeback`.
    @Field(key: "source") public var source: String
    @OptionalField(key: "assignee_id") public var assigneeId: UUID?
    @OptionalField(key: "assigned_at") public var assignedAt: Date?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @Field(key: "due_date") public var dueDate: Date
    @OptionalField(key: "resolved_at") public var resolvedAt: Date?
    @OptionalEnum(key: "resolution") public var resolution: DisputeResolution?
    @OptionalField(key: "customer_amount") public var customerAmount: Int64?
    @OptionalField(key: "traveler_amount") public var travelerAmount: Int64?
    @OptionalField(key: "platform_amount") public var platformAmount: Int64?
    @OptionalField(key: "resolution_notes") public var resolutionNotes: String?

    public init() {}
}

/// What evidence is (`evidence_type_enum`), told by its bytes.
public enum EvidenceType: String, Codable, Sendable, CaseIterable {
    case photo, document
}

/// A row of `dispute_evidence`.
public final class DisputeEvidence: Model, @unchecked Sendable {
    public static let schema = "dispute_evidence"

    @ID(key: .id) public var id: UUID?
    @Field(key: "dispute_id") public var disputeId: UUID
    @Field(key: "submitted_by") public var submittedBy: UUID
    @Enum(key: "evidence_type") public var type: EvidenceType
    /// The file store's key (never a public URL: evidence is read through the API).
    @Field(key: "file_url") public var fileKey: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size") public var size: Int
    @OptionalField(key: "description") public var description: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A row of `dispute_messages`.
public final class DisputeMessage: Model, @unchecked Sendable {
    public static let schema = "dispute_messages"

    @ID(key: .id) public var id: UUID?
    @Field(key: "dispute_id") public var disputeId: UUID
    @Field(key: "sender_id") public var senderId: UUID
    @Field(key: "message") public var message: String
    /// Admins' notes to each other; the parties never see them.
    @Field(key: "is_internal") public var isInternal: Bool
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
