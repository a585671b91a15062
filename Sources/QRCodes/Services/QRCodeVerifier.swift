import Fluent
import Foundation
import Platform
import SQLKit

/// Verifies a scanned (or typed) handoff code and, when it holds, proves the handoff: the code is used once and
/// `HandoffVerified` is published in the same transaction, which moves the delivery (`Deliveries`) and, at the
/// drop, releases escrow (`Payments`).
///
/// A refusal changes nothing but the scan log: the log entry is written on its own, outside the transaction
/// that was rolled back, and flagged suspicious after repeated failures or when the scan was far from the place
/// the code is bound to.
public struct QRCodeVerifier: Sendable {
    let context: CallContext

    /// Failures by one scanner within `suspicionWindow` from which scans are flagged.
    static let suspiciousFailures = 3
    static let suspicionWindow: TimeInterval = 600

    public init(context: CallContext) {
        self.context = context
    }

    /// One verification attempt.
    public struct Scan: Sendable {
        /// The text read from the symbol…
        public var qrData: String?
        /// …or the backup code typed in.
        public var backupCode: String?
        /// The handoff the scanner is at, when the route says (`/qr-codes/pickup/validate`).
        public var expectedType: QRCodeType?
        public var deliveryId: UUID?
        public var location: GeoPoint?
        public var deviceId: String?
        /// The `maximum` level's code, read out by the person handing over.
        public var oneTimeCode: String?

        public init(
            qrData: String? = nil, backupCode: String? = nil, expectedType: QRCodeType? = nil,
            deliveryId: UUID? = nil, location: GeoPoint? = nil, deviceId: String? = nil, oneTimeCode: String? = nil
        ) {
            self.oneTimeCode = oneTimeCode
            self.qrData = qrData
            self.backupCode = backupCode
            self.expectedType = expectedType
            self.deliveryId = deliveryId
            self.location = location
            self.deviceId = deviceId
        }

        var method: String { qrData != nil ? "qr_code" : "backup_code" }
    }

    /// Verifies `scan` by `scanner`; answers the used code, or throws the refusal after logging it.
    public func verify(_ scan: Scan, by scanner: Principal) async throws -> QRCodeRecord {
        var identified: QRCodeRecord?
        do {
            let code = try await identify(scan)
            identified = code
            return try await context.transaction { tx in
                try await QRCodeVerifier(context: tx).use(code, scan: scan, by: scanner)
            }
        } catch let refusal as QRCodeError {
            try await log(scan, code: identified, by: scanner, refusal: refusal)
            throw refusal
        }
    }

    /// The code a scan names, from its sealed payload or its backup code.
    private func identify(_ scan: Scan) async throws -> QRCodeRecord {
        if let text = scan.qrData {
            let payload: QRPayload
            do { payload = try context.qrKeys.sealer.open(text) } catch {
                throw error == .foreign ? QRCodeError.foreign : QRCodeError.tampered
            }
            guard let code = try await QRCodeRecord.find(payload.qid, on: context.db),
                code.deliveryId == payload.did, code.type == payload.t
            else { throw QRCodeError.tampered }
            return code
        }
        guard let typed = scan.backupCode, BackupCode.normalise(typed) != nil else {
            throw QRCodeError.unknownBackupCode
        }
        let hash = QRCodeIssuer.backupHash(typed, context: context)
        guard let code = try await QRCodeRecord.query(on: context.db).filter(\.$backupCodeHash == hash).first() else {
            throw QRCodeError.unknownBackupCode
        }
        return code
    }

    private func use(_ code: QRCodeRecord, scan: Scan, by scanner: Principal) async throws -> QRCodeRecord {
        try await check(code, scan: scan, by: scanner)
        let id = try code.requireID()
        let used = try await context.db.sqlDatabase.raw(
            """
            UPDATE qr_codes SET status = \(bind: QRCodeStatus.used.rawValue), used_at = \(bind: context.now)
            WHERE id = \(bind: id) AND status = \(bind: QRCodeStatus.active.rawValue) RETURNING id
            """
        ).all()
        guard !used.isEmpty else { throw QRCodeError.alreadyUsed }
        if code.securityLevel != .standard, code.boundDevice == nil, let device = scan.deviceId {
            code.boundDevice = device
        }
        code.status = .used
        code.usedAt = context.now
        try await code.save(on: context.db)
        if code.type == .pickup, code.securityLevel != .standard, let device = scan.deviceId {
            // The device that collected the item is the one that may hand it over.
            try await QRCodeRecord.query(on: context.db).filter(\.$deliveryId == code.deliveryId)
                .filter(\.$type == .delivery).filter(\.$status == .active).set(\.$boundDevice, to: device).update()
        }
        try await record(scan, code: code, by: scanner, result: .success, reason: nil, suspicious: false)
        try await context.publish(
            HandoffVerified(
                deliveryId: code.deliveryId, handoff: code.type == .pickup ? .pickup : .delivery,
                verifiedBy: scanner.userId, method: scan.method))
        return code
    }

    /// Every rule a scan must meet, in the order a person at the handoff would want them explained.
    private func check(_ code: QRCodeRecord, scan: Scan, by scanner: Principal) async throws {
        guard code.scannerId == scanner.userId else { throw QRCodeError.wrongParty }
        if let deliveryId = scan.deliveryId, deliveryId != code.deliveryId { throw QRCodeError.wrongDelivery }
        if let expected = scan.expectedType, expected != code.type { throw QRCodeError.wrongType(expected: expected) }
        switch code.status {
        case .revoked: throw QRCodeError.revoked
        case .used: throw QRCodeError.alreadyUsed
        case .expired: throw QRCodeError.expired
        case .active: if code.expiresAt <= context.now { throw QRCodeError.expired }
        }
        if code.type == .delivery {
            let pickedUp = try await QRCodeRecord.query(on: context.db)
                .filter(\.$deliveryId == code.deliveryId).filter(\.$type == .pickup).filter(\.$status == .used)
                .count()
            guard pickedUp > 0 else { throw QRCodeError.outOfOrder }
        }
        guard code.securityLevel != .standard else { return }
        if let place = code.boundPlace, let radius = code.boundRadius {
            guard let location = scan.location else { throw QRCodeError.locationRequired }
            let metres = Int((location.distanceKm(to: place) * 1000).rounded())
            guard metres <= radius else { throw QRCodeError.outOfRadius(metres: metres, radius: radius) }
        }
        if let bound = code.boundDevice, bound != scan.deviceId { throw QRCodeError.wrongDevice }
        if code.securityLevel == .maximum, code.handoverPhoneSealed != nil {
            guard scan.oneTimeCode != nil else { throw QRCodeError.oneTimeCodeRequired }
            guard HandoverOneTimeCodes.matches(scan.oneTimeCode, for: code, context: context) else {
                throw QRCodeError.wrongOneTimeCode
            }
        }
    }

    private func log(_ scan: Scan, code: QRCodeRecord?, by scanner: Principal, refusal: QRCodeError) async throws {
        let since = context.now.addingTimeInterval(-Self.suspicionWindow)
        let recentFailures = try await QRCodeScan.query(on: context.db)
            .filter(\.$scannedBy == scanner.userId).filter(\.$result != .success).filter(\.$scannedAt >= since)
            .count()
        var suspicious = recentFailures + 1 >= Self.suspiciousFailures
        if case .outOfRadius = refusal { suspicious = true }
        try await record(
            scan, code: code, by: scanner, result: refusal.scanResult, reason: refusal.code, suspicious: suspicious)
    }

    private func record(
        _ scan: Scan, code: QRCodeRecord?, by scanner: Principal, result: QRScanResult, reason: String?,
        suspicious: Bool
    ) async throws {
        let entry = QRCodeScan()
        entry.qrCodeId = code?.id
        entry.deliveryId = code?.deliveryId ?? scan.deliveryId
        entry.scannedBy = scanner.userId
        entry.result = result
        entry.method = scan.method
        entry.scanLat = scan.location?.lat
        entry.scanLng = scan.location?.lng
        entry.deviceInfo = scan.deviceId.map { ["deviceId": $0] }
        entry.failureReason = reason
        entry.suspicious = suspicious
        entry.scannedAt = context.now
        try await entry.create(on: context.db)
    }
}
