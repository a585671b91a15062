import Crypto
import Fluent
import Foundation
import Platform
import SQLKit

/// Emergency overrides: a party asks for a handoff to be proven without its code, an admin approves (an
/// alternative code valid 30 minutes) or rejects, and the traveler uses the code once at the handoff, which
/// proves it exactly as a scan would (`HandoffVerified`, method `emergency_override`).
public struct EmergencyOverrides: Sendable {
    /// How long an approved alternative code may be used.
    public static let validity: TimeInterval = 30 * 60

    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    public struct Request: Sendable {
        public var deliveryId: UUID
        public var type: QRCodeType
        public var reason: String
        public var evidence: [String]
    }

    /// A party's request for the live code of `request.type` of a delivery.
    public func request(_ request: Request, by principal: Principal) async throws -> QREmergencyOverride {
        try await context.transaction { tx in
            guard
                let code = try await QRCodeRecord.query(on: tx.db).filter(\.$deliveryId == request.deliveryId)
                    .filter(\.$type == request.type).filter(\.$status == .active).first(),
                [code.holderId, code.scannerId].contains(principal.userId) || principal.isAdmin
            else { throw QRCodeError.notFound }
            let waiting = try await QREmergencyOverride.query(on: tx.db).filter(\.$qrCodeId == code.requireID())
                .filter(\.$status ~~ [.pending, .approved]).count()
            guard waiting == 0 else { throw EmergencyOverrideError.alreadyRequested }
            let override = QREmergencyOverride()
            override.deliveryId = request.deliveryId
            override.qrCodeId = try code.requireID()
            override.type = request.type
            override.reason = request.reason
            override.evidence = request.evidence.isEmpty ? nil : request.evidence
            override.requestedBy = principal.userId
            override.status = .pending
            override.createdAt = tx.now
            try await override.create(on: tx.db)
            return override
        }
    }

    /// Approves pending overrides; answers each with its alternative code.
    public func approve(
        _ ids: [UUID], by admin: Principal, note: String?
    ) async throws -> [(QREmergencyOverride, String)] {
        try await context.transaction { tx in
            var approved: [(QREmergencyOverride, String)] = []
            for id in ids {
                let override = try await EmergencyOverrides(context: tx).decide(
                    id, to: .approved, by: admin, note: note)
                let code = Self.alternativeCode(for: override, key: tx.qrKeys.backupKey)
                override.codeHash = tx.secrets.hasher.hash(code, purpose: "qr-override")
                override.validUntil = tx.now.addingTimeInterval(Self.validity)
                try await override.save(on: tx.db)
                approved.append((override, code))
            }
            return approved
        }
    }

    public func reject(_ id: UUID, by admin: Principal, reason: String) async throws -> QREmergencyOverride {
        try await decide(id, to: .rejected, by: admin, note: reason)
    }

    /// The requester withdraws a pending request.
    public func cancel(_ id: UUID, by principal: Principal) async throws -> QREmergencyOverride {
        let override = try await visible(id, to: principal)
        guard override.requestedBy == principal.userId || principal.isAdmin else {
            throw EmergencyOverrideError.notFound
        }
        return try await decide(id, to: .cancelled, by: principal, note: "Cancelled by the requester")
    }

    /// The traveler uses the alternative code at the handoff.
    public func use(_ id: UUID, code typed: String, by traveler: Principal) async throws -> QREmergencyOverride {
        try await context.transaction { tx in
            guard let override = try await QREmergencyOverride.find(id, on: tx.db),
                let qrCode = try await QRCodeRecord.find(override.qrCodeId, on: tx.db),
                qrCode.scannerId == traveler.userId
            else { throw EmergencyOverrideError.notFound }
            guard override.status == .approved else { throw EmergencyOverrideError.notApproved(override.status) }
            guard let until = override.validUntil, until > tx.now else { throw EmergencyOverrideError.expired }
            let digits = typed.filter(\.isNumber)
            guard let hash = override.codeHash, tx.secrets.hasher.matches(digits, purpose: "qr-override", hash: hash)
            else { throw EmergencyOverrideError.wrongCode }
            let moved = try await tx.db.sqlDatabase.raw(
                """
                UPDATE qr_emergency_overrides SET status = \(bind: QROverrideStatus.used.rawValue), used_at = \(bind: tx.now)
                WHERE id = \(bind: id) AND status = \(bind: QROverrideStatus.approved.rawValue) RETURNING id
                """
            ).all()
            guard !moved.isEmpty else { throw EmergencyOverrideError.notApproved(.used) }
            let usedCode = try await tx.db.sqlDatabase.raw(
                """
                UPDATE qr_codes SET status = \(bind: QRCodeStatus.used.rawValue), used_at = \(bind: tx.now)
                WHERE id = \(bind: override.qrCodeId) AND status = \(bind: QRCodeStatus.active.rawValue) RETURNING id
                """
            ).all()
            guard !usedCode.isEmpty else { throw QRCodeError.alreadyUsed }
            try await tx.publish(
                HandoffVerified(
                    deliveryId: override.deliveryId, handoff: override.type == .pickup ? .pickup : .delivery,
                    verifiedBy: traveler.userId, method: "emergency_override"))
            return try await QREmergencyOverride.find(id, on: tx.db) ?? override
        }
    }

    /// An override as `viewer` may see it: the delivery's parties and admins.
    public func visible(_ id: UUID, to viewer: Principal) async throws -> QREmergencyOverride {
        guard let override = try await QREmergencyOverride.find(id, on: context.db),
            let code = try await QRCodeRecord.find(override.qrCodeId, on: context.db),
            viewer.isAdmin || [code.holderId, code.scannerId].contains(viewer.userId)
        else { throw EmergencyOverrideError.notFound }
        return override
    }

    /// The alternative code, for the requester while it can be used.
    public func alternativeCode(of override: QREmergencyOverride, for viewer: Principal) -> String? {
        guard override.status == .approved, override.requestedBy == viewer.userId || viewer.isAdmin,
            let until = override.validUntil, until > context.now
        else { return nil }
        return Self.alternativeCode(for: override, key: context.qrKeys.backupKey)
    }

    /// Marks approved overrides whose code was not used in time as expired (run before reading the queue).
    public func expireLapsed() async throws {
        try await QREmergencyOverride.query(on: context.db).filter(\.$status == .approved)
            .filter(\.$validUntil <= context.now).set(\.$status, to: .expired).update()
    }

    private func decide(
        _ id: UUID, to status: QROverrideStatus, by actor: Principal, note: String?
    ) async throws -> QREmergencyOverride {
        let moved = try await context.db.sqlDatabase.raw(
            """
            UPDATE qr_emergency_overrides SET status = \(bind: status.rawValue), decided_at = \(bind: context.now),
                approved_by = \(bind: actor.userId), decision_reason = \(bind: note)
            WHERE id = \(bind: id) AND status = \(bind: QROverrideStatus.pending.rawValue) RETURNING id
            """
        ).all()
        guard let override = try await QREmergencyOverride.find(id, on: context.db) else {
            throw EmergencyOverrideError.notFound
        }
        guard !moved.isEmpty else { throw EmergencyOverrideError.notPending(override.status) }
        return override
    }

    /// Eight digits from an HMAC of the override and its decision, so the server can show it again without
    /// storing it.
    static func alternativeCode(for override: QREmergencyOverride, key: SymmetricKey) -> String {
        let seed = "override:\(override.id?.uuidString ?? ""):\(override.decidedAt?.timeIntervalSince1970 ?? 0)"
        let mac = Array(HMAC<SHA256>.authenticationCode(for: Data(seed.utf8), using: key))
        let number = mac.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } % 100_000_000
        let text = String(number)
        return String(repeating: "0", count: 8 - text.count) + text
    }
}
