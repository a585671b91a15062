import Foundation
import Platform
import Vapor

/// `POST /qr-codes/emergency` (and `/qr-codes/emergency-override`).
struct EmergencyOverrideInput: Content {
    var deliveryId: UUID
    /// The handoff: `pickup` or `delivery`.
    var type: QRCodeType
    var reason: String
    /// What the requester offers instead, as notes ("the recipient's passport was checked").
    var evidence: [String]?

    func validated() throws -> EmergencyOverrides.Request {
        var check = RuleCheck()
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        check.require((10...1000).contains(reason.count), "reason must be 10 to 1000 characters")
        let evidence = (evidence ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        check.require(evidence.count <= 10, "evidence must have at most 10 entries")
        check.require(
            evidence.allSatisfy { (1...500).contains($0.count) }, "each evidence note must be 1 to 500 characters")
        try check.throwIfBroken()
        return EmergencyOverrides.Request(deliveryId: deliveryId, type: type, reason: reason, evidence: evidence)
    }
}

extension EmergencyOverrideInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        ["reason": .text(10...1000), "deliveryId": .format("uuid"), "evidence": .list(0...10, each: .text(1...500))]
    }
}

struct OverrideDecisionInput: Content {
    var reason: String?
}

struct OverrideUseInput: Content {
    /// The eight digits an admin's approval gave.
    var alternativeCode: String
}

extension OverrideUseInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] { ["alternativeCode": .trimmedMatching("[0-9 -]{8,12}")] }
}

struct BulkApproveInput: Content {
    var overrideIds: [UUID]
    var reason: String?
}

extension BulkApproveInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] { ["overrideIds": .list(1...100, each: .format("uuid"))] }
}

struct EmergencyOverrideResponse: Content {
    var id: UUID
    var deliveryId: UUID
    var qrCodeId: UUID
    var type: QRCodeType
    var status: QROverrideStatus
    var reason: String
    var evidence: [String]?
    var requestedBy: UUID
    var decidedBy: UUID?
    var decisionReason: String?
    var validUntil: Date?
    var usedAt: Date?
    var createdAt: Date
    var decidedAt: Date?
    /// Only for the requester (and admins) while it may be used.
    var alternativeCode: String?

    init(_ override: QREmergencyOverride, code: String?) throws {
        id = try override.requireID()
        deliveryId = override.deliveryId
        qrCodeId = override.qrCodeId
        type = override.type
        status = override.status
        reason = override.reason
        evidence = override.evidence
        requestedBy = override.requestedBy
        decidedBy = override.decidedBy
        decisionReason = override.decisionReason
        validUntil = override.validUntil
        usedAt = override.usedAt
        createdAt = override.createdAt
        decidedAt = override.decidedAt
        alternativeCode = code
    }
}

struct OverrideStatistics: Content {
    var total: Int
    var byStatus: [String: Int]
    var byType: [String: Int]
    /// Approved (used and expired included) over decided, 0…1.
    var approvalRate: Double
    /// Seconds from request to decision, on average.
    var averageDecisionSeconds: Double?
}

struct OverrideQueueMetrics: Content {
    var pending: Int
    /// Seconds the oldest pending request has waited.
    var oldestWaitingSeconds: Double?
    /// Decisions in the last 24 hours.
    var decidedLastDay: Int
}
