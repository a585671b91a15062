import Fluent
import Foundation
import Platform

/// A row of `qr_codes`.
public final class QRCodeRecord: Model, @unchecked Sendable {
    public static let schema = "qr_codes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "delivery_id") public var deliveryId: UUID
    @Enum(key: "qr_type") public var type: QRCodeType
    /// The sealed payload: the text the symbol carries.
    @Field(key: "encrypted_data") public var sealedPayload: String
    @OptionalField(key: "image_data") public var imageData: String?
    @OptionalField(key: "download_url") public var downloadURL: String?
    /// Keyed hash of the backup code.
    @Field(key: "backup_code") public var backupCodeHash: String
    @Enum(key: "security_level") public var securityLevel: QRSecurityLevel
    @OptionalField(key: "security_features") public var securityFeatures: [String: String]?
    @Field(key: "nonce") public var nonce: String
    /// Who shows the code: the customer (or the recipient they share the delivery code with).
    @Field(key: "holder_id") public var holderId: UUID
    /// Who must scan it: the delivery's traveler.
    @Field(key: "scanner_id") public var scannerId: UUID
    /// The device a high-level code was bound to at its first scan.
    @OptionalField(key: "bound_device") public var boundDevice: String?
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?
    @Enum(key: "status") public var status: QRCodeStatus
    @Field(key: "location_bound") public var locationBound: Bool
    @OptionalField(key: "bound_lat") public var boundLat: Double?
    @OptionalField(key: "bound_lng") public var boundLng: Double?
    /// Metres.
    @OptionalField(key: "bound_radius") public var boundRadius: Int?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "revoked_reason") public var revokedReason: String?
    /// The phone the `maximum` level's one-time code goes to, sealed with the platform's key.
    @OptionalField(key: "handover_phone_sealed") public var handoverPhoneSealed: String?
    @OptionalField(key: "one_time_code_hash") public var oneTimeCodeHash: String?
    @OptionalField(key: "one_time_code_expires_at") public var oneTimeCodeExpiresAt: Date?

    public init() {}

    public var boundPlace: GeoPoint? {
        guard let boundLat, let boundLng else { return nil }
        return GeoPoint(lat: boundLat, lng: boundLng)
    }
}

/// A row of `qr_code_scans`.
public final class QRCodeScan: Model, @unchecked Sendable {
    public static let schema = "qr_code_scans"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "qr_code_id") public var qrCodeId: UUID?
    @OptionalField(key: "delivery_id") public var deliveryId: UUID?
    @Field(key: "scanned_by") public var scannedBy: UUID
    @Enum(key: "scan_result") public var result: QRScanResult
    /// `qr_code` or `backup_code`.
    @Field(key: "method") public var method: String
    @OptionalField(key: "scan_lat") public var scanLat: Double?
    @OptionalField(key: "scan_lng") public var scanLng: Double?
    @OptionalField(key: "device_info") public var deviceInfo: [String: String]?
    @OptionalField(key: "additional_verification") public var additionalVerification: [String: String]?
    @OptionalField(key: "failure_reason") public var failureReason: String?
    @Field(key: "suspicious") public var suspicious: Bool
    @Field(key: "scanned_at") public var scannedAt: Date

    public init() {}
}
