import Fluent
import Foundation
import Platform
import Vapor

/// What the scan log and the codes say in aggregate: a member's history, admins' analytics and performance, and
/// checks of a code that use nothing (a scanner test, an integrity check).
public struct QRCodeInsights: Sendable {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// What a scanner test or an integrity check learns of a text without using it.
    public struct Inspection: Content, Sendable, Equatable {
        /// The text is a platform code sealed under this installation's key.
        public var authentic: Bool
        /// `foreign`, `tampered`, or the code's status when authentic.
        public var verdict: String
        public var type: QRCodeType?
        public var expiresAt: Date?
        public var securityLevel: QRSecurityLevel?
    }

    /// Opens `text` and looks its code up; the code's details only for the delivery's parties and admins.
    public func inspect(_ text: String, for viewer: Principal) async throws -> Inspection {
        let payload: QRPayload
        do { payload = try context.qrKeys.sealer.open(text) } catch {
            return Inspection(authentic: false, verdict: error == .foreign ? "foreign" : "tampered")
        }
        guard let code = try await QRCodeRecord.find(payload.qid, on: context.db), code.deliveryId == payload.did
        else { return Inspection(authentic: false, verdict: "tampered") }
        let status = code.status == .active && code.expiresAt <= context.now ? QRCodeStatus.expired : code.status
        guard viewer.isAdmin || [code.holderId, code.scannerId].contains(viewer.userId) else {
            return Inspection(authentic: true, verdict: "not_yours")
        }
        return Inspection(
            authentic: true, verdict: status.rawValue, type: code.type, expiresAt: code.expiresAt,
            securityLevel: code.securityLevel)
    }

    /// The codes the member holds or must scan, newest first.
    public func history(of userId: UUID, page: PageQuery) async throws -> ListPage<QRCodeRecord> {
        try await QRCodeRecord.query(on: context.db)
            .group(.or) { $0.filter(\.$holderId == userId).filter(\.$scannerId == userId) }
            .sort(\.$createdAt, .descending).page(page)
    }

    public struct Analytics: Content, Sendable, Equatable {
        public var codes: Int
        public var codesByStatus: [String: Int]
        public var codesByType: [String: Int]
        public var scans: Int
        public var scansByResult: [String: Int]
        /// Successful scans over all scans, 0…1.
        public var successRate: Double
        public var suspiciousScans: Int
    }

    /// Codes and scans since `since`.
    public func analytics(since: Date) async throws -> Analytics {
        let codes = try await QRCodeRecord.query(on: context.db).filter(\.$createdAt >= since).all()
        let scans = try await QRCodeScan.query(on: context.db).filter(\.$scannedAt >= since).all()
        let successes = scans.filter { $0.result == .success }.count
        return Analytics(
            codes: codes.count, codesByStatus: Dictionary(grouping: codes, by: \.status.rawValue).mapValues(\.count),
            codesByType: Dictionary(grouping: codes, by: \.type.rawValue).mapValues(\.count), scans: scans.count,
            scansByResult: Dictionary(grouping: scans, by: \.result.rawValue).mapValues(\.count),
            successRate: scans.isEmpty ? 0 : Double(successes) / Double(scans.count),
            suspiciousScans: scans.filter(\.suspicious).count)
    }

    public struct Performance: Content, Sendable, Equatable {
        /// Seconds from a code's issue to its use, per handoff: median and 90th percentile.
        public var pickupMedianSeconds: Double?
        public var pickupP90Seconds: Double?
        public var deliveryMedianSeconds: Double?
        public var deliveryP90Seconds: Double?
        /// Scans per used code, on average (1 is a clean handoff).
        public var scansPerUsedCode: Double?
        /// Used codes over codes no longer active (used, expired or revoked), 0…1.
        public var useRate: Double
    }

    public func performance(since: Date) async throws -> Performance {
        let codes = try await QRCodeRecord.query(on: context.db).filter(\.$createdAt >= since).all()
        let used = codes.filter { $0.status == .used }
        func times(_ type: QRCodeType) -> [Double] {
            used.filter { $0.type == type }.compactMap { $0.usedAt?.timeIntervalSince($0.createdAt) }.sorted()
        }
        func percentile(_ values: [Double], _ share: Double) -> Double? {
            values.isEmpty ? nil : values[min(values.count - 1, Int((Double(values.count) * share).rounded(.down)))]
        }
        let ids = used.compactMap(\.id)
        let scans = ids.isEmpty ? 0 : try await QRCodeScan.query(on: context.db).filter(\.$qrCodeId ~~ ids).count()
        let finished = codes.filter { $0.status != .active }.count
        let pickup = times(.pickup)
        let delivery = times(.delivery)
        return Performance(
            pickupMedianSeconds: percentile(pickup, 0.5), pickupP90Seconds: percentile(pickup, 0.9),
            deliveryMedianSeconds: percentile(delivery, 0.5), deliveryP90Seconds: percentile(delivery, 0.9),
            scansPerUsedCode: used.isEmpty ? nil : Double(scans) / Double(used.count),
            useRate: finished == 0 ? 0 : Double(used.count) / Double(finished))
    }

    /// A delivery's codes with their last scan, for its parties and admins.
    public func validationStatus(of deliveryId: UUID, for viewer: Principal) async throws -> [CodeStatus] {
        let codes = try await QRCodeQueries(context: context).codes(of: deliveryId, for: viewer)
        var statuses: [CodeStatus] = []
        for code in codes {
            let last = try await QRCodeScan.query(on: context.db).filter(\.$qrCodeId == code.id)
                .sort(\.$scannedAt, .descending).first()
            statuses.append(
                CodeStatus(
                    qrCodeId: code.id, type: code.type, status: code.status, usedAt: code.usedAt,
                    lastScanResult: last?.result, lastScanAt: last?.scannedAt))
        }
        return statuses
    }

    public struct CodeStatus: Content, Sendable, Equatable {
        public var qrCodeId: UUID
        public var type: QRCodeType
        public var status: QRCodeStatus
        public var usedAt: Date?
        public var lastScanResult: QRScanResult?
        public var lastScanAt: Date?
    }
}
