import Foundation
import Platform
import Vapor

/// A handoff code as the API shows it. `qrData`, `backupCode` and the image link are there only for the person
/// who hands the item over (the code's holder) and admins, never for the traveler who must scan it.
public struct QRCodeResponse: Content, Sendable {
    public var id: UUID
    public var deliveryId: UUID
    public var type: QRCodeType
    public var status: QRCodeStatus
    public var securityLevel: QRSecurityLevel
    public var expiresAt: Date
    public var usedAt: Date?
    public var revokedAt: Date?
    public var revokedReason: String?
    public var locationBound: Bool
    public var boundRadius: Int?
    public var createdAt: Date
    /// The text the symbol carries.
    public var qrData: String?
    /// `XXX-XXX-XXX-XXX`, for typing in where a camera cannot scan.
    public var backupCode: String?
    /// `GET` for the PNG (`?format=svg`, `?size=`).
    public var imageUrl: String?

    public init(_ code: QRCodeRecord, revealing: Bool, keys: QRKeys) throws {
        id = try code.requireID()
        deliveryId = code.deliveryId
        type = code.type
        status = code.status
        securityLevel = code.securityLevel
        expiresAt = code.expiresAt
        usedAt = code.usedAt
        revokedAt = code.revokedAt
        revokedReason = code.revokedReason
        locationBound = code.locationBound
        boundRadius = code.boundRadius
        createdAt = code.createdAt
        if revealing && code.status == .active {
            qrData = code.sealedPayload
            backupCode = BackupCode.derive(qrCodeId: id, nonce: code.nonce, key: keys.backupKey)
            imageUrl = code.downloadURL
        }
    }
}

/// What a successful verification proved.
public struct HandoffVerificationResponse: Content, Sendable {
    public var verified: Bool
    public var qrCodeId: UUID
    public var deliveryId: UUID
    public var handoff: QRCodeType
    public var verifiedAt: Date
    public var method: String
}

/// A scan as the log shows it.
public struct QRCodeScanResponse: Content, Sendable {
    public var id: UUID
    public var qrCodeId: UUID?
    public var scannedBy: UUID
    public var result: QRScanResult
    public var method: String
    public var failureReason: String?
    public var suspicious: Bool
    public var location: GeoPoint?
    public var scannedAt: Date

    init(_ scan: QRCodeScan) throws {
        id = try scan.requireID()
        qrCodeId = scan.qrCodeId
        scannedBy = scan.scannedBy
        result = scan.result
        method = scan.method
        failureReason = scan.failureReason
        suspicious = scan.suspicious
        location = scan.scanLat.flatMap { lat in scan.scanLng.map { GeoPoint(lat: lat, lng: $0) } }
        scannedAt = scan.scannedAt
    }
}
