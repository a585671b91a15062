import Fluent
import Foundation
import Platform
import SQLKit

/// Issues, revokes and reissues a delivery's handoff codes.
public struct QRCodeIssuer: Sendable {
    let context: CallContext

    /// Metres around the handoff place a high-level code may be scanned in, unless the booking says otherwise.
    public static let defaultRadius = 200

    public init(context: CallContext) {
        self.context = context
    }

    /// A booked delivery's two handoffs.
    public struct Handoffs: Sendable {
        public var deliveryId: UUID
        public var customerId: UUID
        public var travelerId: UUID
        public var pickup: GeoPoint?
        public var dropoff: GeoPoint?
        public var level: QRSecurityLevel
        public var pickupExpiresAt: Date
        public var deliveryExpiresAt: Date
        /// Who hands the item over at each end (the sender, the recipient): the `maximum` level texts them a
        /// one-time code.
        public var senderPhone: String?
        public var recipientPhone: String?

        public init(
            deliveryId: UUID, customerId: UUID, travelerId: UUID, pickup: GeoPoint?, dropoff: GeoPoint?,
            level: QRSecurityLevel = .standard, pickupExpiresAt: Date, deliveryExpiresAt: Date,
            senderPhone: String? = nil, recipientPhone: String? = nil
        ) {
            self.senderPhone = senderPhone
            self.recipientPhone = recipientPhone
            self.deliveryId = deliveryId
            self.customerId = customerId
            self.travelerId = travelerId
            self.pickup = pickup
            self.dropoff = dropoff
            self.level = level
            self.pickupExpiresAt = pickupExpiresAt
            self.deliveryExpiresAt = deliveryExpiresAt
        }
    }

    /// The pickup code and the delivery code, in the caller's transaction (the booking's).
    public func issue(_ handoffs: Handoffs) async throws -> [QRCodeRecord] {
        [
            try await issue(
                .pickup, for: handoffs, place: handoffs.pickup, expiresAt: handoffs.pickupExpiresAt,
                level: handoffs.level, phone: handoffs.senderPhone),
            try await issue(
                .delivery, for: handoffs, place: handoffs.dropoff, expiresAt: handoffs.deliveryExpiresAt,
                level: handoffs.level, phone: handoffs.recipientPhone),
        ]
    }

    /// Revokes every live code of a delivery (a cancellation).
    public func revokeAll(of deliveryId: UUID, reason: String) async throws {
        try await QRCodeRecord.query(on: context.db)
            .filter(\.$deliveryId == deliveryId).filter(\.$status == .active)
            .set(\.$status, to: .revoked).set(\.$revokedAt, to: context.now).set(\.$revokedReason, to: reason)
            .update()
    }

    /// Revokes one live code, by its holder or an admin.
    public func revoke(_ id: UUID, by actor: Principal, reason: String) async throws -> QRCodeRecord {
        let code = try await held(id, by: actor)
        guard code.status == .active else { throw code.status == .used ? QRCodeError.alreadyUsed : QRCodeError.revoked }
        code.status = .revoked
        code.revokedAt = context.now
        code.revokedReason = reason
        try await code.save(on: context.db)
        return code
    }

    /// Replaces a code not yet used by a new one (new nonce, new backup code, new expiry); the old one is revoked.
    public func regenerate(_ id: UUID, by actor: Principal, expiresAt: Date?) async throws -> QRCodeRecord {
        try await context.transaction { tx in
            let issuer = QRCodeIssuer(context: tx)
            let old = try await issuer.held(id, by: actor)
            guard old.status != .used else { throw QRCodeError.alreadyUsed }
            old.status = .revoked
            old.revokedAt = tx.now
            old.revokedReason = "Regenerated"
            try await old.save(on: tx.db)
            let handoffs = Handoffs(
                deliveryId: old.deliveryId, customerId: old.holderId, travelerId: old.scannerId, pickup: nil,
                dropoff: nil, level: old.securityLevel, pickupExpiresAt: tx.now, deliveryExpiresAt: tx.now)
            let lifetime = max(old.expiresAt, tx.now.addingTimeInterval(7 * 24 * 3600))
            let code = try await issuer.issue(
                old.type, for: handoffs, place: old.boundPlace, radius: old.boundRadius,
                expiresAt: expiresAt ?? lifetime, level: old.securityLevel, phone: nil)
            code.handoverPhoneSealed = old.handoverPhoneSealed
            try await code.save(on: tx.db)
            return code
        }
    }

    /// A fresh code of `type` for a delivery whose current one has not been used (lost, shared by mistake,
    /// about to expire); the current one is revoked.
    public func generate(_ type: QRCodeType, for deliveryId: UUID, by actor: Principal) async throws -> QRCodeRecord {
        guard
            let current = try await QRCodeRecord.query(on: context.db).filter(\.$deliveryId == deliveryId)
                .filter(\.$type == type).sort(\.$createdAt, .descending).first()
        else { throw QRCodeError.notFound }
        return try await regenerate(try current.requireID(), by: actor, expiresAt: nil)
    }

    /// The code as its holder (or an admin) may handle it; anyone else gets 404.
    func held(_ id: UUID, by actor: Principal) async throws -> QRCodeRecord {
        guard let code = try await QRCodeRecord.find(id, on: context.db),
            code.holderId == actor.userId || actor.isAdmin
        else { throw QRCodeError.notFound }
        return code
    }

    private func issue(
        _ type: QRCodeType, for handoffs: Handoffs, place: GeoPoint?, radius: Int? = nil, expiresAt: Date,
        level: QRSecurityLevel, phone: String?
    ) async throws -> QRCodeRecord {
        let id = UUID()
        let nonce = RandomToken.opaque(byteCount: 12)
        let keys = context.qrKeys
        let code = QRCodeRecord()
        code.id = id
        code.deliveryId = handoffs.deliveryId
        code.type = type
        code.nonce = nonce
        code.sealedPayload = try keys.sealer.seal(
            QRPayload(
                qrCodeId: id, deliveryId: handoffs.deliveryId, type: type, nonce: nonce, expiresAt: expiresAt,
                level: level))
        code.backupCodeHash = Self.backupHash(
            BackupCode.derive(qrCodeId: id, nonce: nonce, key: keys.backupKey), context: context)
        code.securityLevel = level
        code.holderId = handoffs.customerId
        code.scannerId = handoffs.travelerId
        code.expiresAt = expiresAt
        code.status = .active
        let bound = level != .standard && place != nil
        code.locationBound = bound
        code.boundLat = bound ? place?.lat : nil
        code.boundLng = bound ? place?.lng : nil
        code.boundRadius = bound ? (radius ?? Self.defaultRadius) : nil
        code.securityFeatures = [
            "encryption": "AES-256-GCM", "singleUse": "true", "deviceBinding": level == .standard ? "false" : "true",
        ]
        if level == .maximum, let phone { code.handoverPhoneSealed = try context.secrets.box.seal(phone) }
        code.createdAt = context.now
        code.downloadURL = "/api/v1/qr-codes/\(id.uuidString.lowercased())/image"
        try await code.create(on: context.db)
        return code
    }

    /// The stored form of a backup code (normalised, then keyed-hashed).
    static func backupHash(_ code: String, context: CallContext) -> String {
        context.secrets.hasher.hash(BackupCode.normalise(code) ?? code, purpose: "qr-backup")
    }
}
