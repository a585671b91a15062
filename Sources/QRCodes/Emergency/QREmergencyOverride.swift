import Fluent
import Foundation

/// Where an override request stands: `pending` until an admin decides; `approved` gives an alternative code for
/// 30 minutes, which is `used` once or `expired`; the requester may `cancel` while it is pending.
public enum QROverrideStatus: String, Codable, Sendable, CaseIterable {
    case pending, approved, rejected, used, cancelled, expired
}

/// A row of `qr_emergency_overrides`: a handoff proven another way when its code cannot be (a dead phone, a
/// lost print-out), with an admin's approval.
public final class QREmergencyOverride: Model, @unchecked Sendable {
    public static let schema = "qr_emergency_overrides"

    @ID(key: .id) public var id: UUID?
    @Field(key: "delivery_id") public var deliveryId: UUID
    @Field(key: "qr_code_id") public var qrCodeId: UUID
    @Enum(key: "qr_type") public var type: QRCodeType
    @Field(key: "override_reason") public var reason: String
    /// What the requester offers instead (a photo's reference, the recipient's ID checked, a phone call).
    @OptionalField(key: "alternative_verification") public var alternative: AlternativeVerification?
    @Field(key: "requested_by") public var requestedBy: UUID
    @OptionalField(key: "approved_by") public var decidedBy: UUID?
    @Enum(key: "status") public var status: QROverrideStatus
    @OptionalField(key: "decision_reason") public var decisionReason: String?
    /// Keyed hash of the alternative code.
    @OptionalField(key: "alternative_code") public var codeHash: String?
    @OptionalField(key: "valid_until") public var validUntil: Date?
    @OptionalField(key: "used_at") public var usedAt: Date?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var evidence: [String]? {
        get { alternative?.evidence }
        set { alternative = newValue.map(AlternativeVerification.init(evidence:)) }
    }
}

/// The `alternative_verification` document. An object rather than a bare array, because PostgreSQL binds a
/// Swift array as `text[]`, which a `jsonb` column refuses.
public struct AlternativeVerification: Codable, Sendable, Equatable {
    public var evidence: [String]
}
