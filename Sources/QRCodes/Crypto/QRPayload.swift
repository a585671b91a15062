import Foundation

/// What a handoff code says once opened: which code, for which delivery and handoff, until when, at which level.
/// Sealed, so that nobody can read or forge one; the code's row says whether it is still good.
public struct QRPayload: Codable, Sendable, Equatable {
    /// Format version of the sealed payload.
    public var v: Int
    /// The `qr_codes` row.
    public var qid: UUID
    /// The delivery.
    public var did: UUID
    /// `pickup` or `delivery`.
    public var t: QRCodeType
    /// A random value per code, so two codes never seal the same text.
    public var n: String
    /// Expiry, Unix seconds.
    public var exp: Int64
    /// Security level.
    public var lvl: QRSecurityLevel

    public init(
        qrCodeId: UUID, deliveryId: UUID, type: QRCodeType, nonce: String, expiresAt: Date, level: QRSecurityLevel
    ) {
        v = 1
        qid = qrCodeId
        did = deliveryId
        t = type
        n = nonce
        exp = Int64(expiresAt.timeIntervalSince1970.rounded(.down))
        lvl = level
    }

    public var expiresAt: Date { Date(timeIntervalSince1970: TimeInterval(exp)) }
}

/// Which handoff a code proves (`qr_type_enum`).
public enum QRCodeType: String, Codable, Sendable, CaseIterable {
    /// Shown by the sender, scanned by the traveler when collecting the item.
    case pickup
    /// Shown by the recipient, scanned by the traveler when handing the item over.
    case delivery
}

/// How much a code demands of its scan (`security_level_enum`).
public enum QRSecurityLevel: String, Codable, Sendable, CaseIterable {
    /// The code alone.
    case standard
    /// Scanned within a radius of the handoff place, and by the device that first scanned it.
    case high
    /// As `high`, plus a one-time code sent to the person handing over.
    case maximum
}
