import Foundation
import Payments
import Platform
import Vapor

/// `POST /deliveries/{id}/disputes` (and an admin's `POST /admin/disputes`, which names the delivery).
struct DisputeInput: Content {
    var deliveryId: UUID?
    var category: DisputeCategory?
    var description: String?
    var requestedResolution: DisputeResolution?

    func opening(source: String) throws -> DisputeService.Opening {
        var check = RuleCheck()
        check.require(category != nil, "category is required")
        let text = description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        check.require((10...5000).contains(text.count), "description must be 10 to 5000 characters")
        try check.throwIfBroken()
        return DisputeService.Opening(
            category: category ?? .other, description: text,
            requestedResolution: requestedResolution ?? .fullRefund, source: source)
    }
}

extension DisputeInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        [
            "category": FieldRule.oneOf(DisputeCategory.self).required,
            "description": FieldRule.text(10...5000).required,
            "requestedResolution": .oneOf(DisputeResolution.self), "deliveryId": .format("uuid"),
        ]
    }
}

/// `PUT /admin/disputes/{id}/resolve`.
struct DisputeResolutionInput: Content {
    var resolution: DisputeResolution
    /// Minor units back to the customer (`partial_refund`, `split`).
    var customerAmount: Int64?
    /// Minor units to the traveler (`split`).
    var travelerAmount: Int64?
    var notes: String?
}

extension DisputeResolutionInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        [
            "customerAmount": .integer(0...100_000_000), "travelerAmount": .integer(0...100_000_000),
            "notes": FieldRule.text(1...5000).required,
        ]
    }
}

/// `PUT /admin/disputes/{id}/assign`.
struct DisputeAssignInput: Content {
    /// The admin who takes it; the caller when absent.
    var assigneeId: UUID?
}

/// `POST /disputes/{id}/messages`.
struct DisputeMessageInput: Content {
    var message: String
    /// Admins only: a note the parties do not see.
    var isInternal: Bool?
}

extension DisputeMessageInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] { ["message": .text(1...5000)] }
}

/// The multipart body of `POST /disputes/{id}/evidence`.
struct EvidenceForm: Content {
    var file: File?
    var description: String?
}

struct DisputeResponse: Content {
    var id: UUID
    var caseNumber: String
    var deliveryId: UUID
    var category: DisputeCategory
    var priority: DisputePriority
    var status: DisputeStatus
    var complainantId: UUID
    var respondentId: UUID
    var amount: Money
    var description: String
    var requestedResolution: DisputeResolution
    /// What opening it held: `escrow`, `pending_share` or `nothing`.
    var held: DisputeMoney.Held
    var source: String
    var assigneeId: UUID?
    var dueDate: Date
    var createdAt: Date
    var resolvedAt: Date?
    /// The outcome, for both parties to see.
    var resolution: DisputeResolution?
    var customerAmount: Money?
    var travelerAmount: Money?
    var platformAmount: Money?
    var resolutionNotes: String?

    init(_ dispute: Dispute) throws {
        let currency = Currency(code: dispute.currency) ?? .eur
        func money(_ amount: Int64?) -> Money? { amount.map { Money(amount: $0, currency: currency) } }
        id = try dispute.requireID()
        caseNumber = dispute.caseNumber
        deliveryId = dispute.deliveryId
        category = dispute.category
        priority = dispute.priority
        status = dispute.status
        complainantId = dispute.complainantId
        respondentId = dispute.respondentId
        amount = Money(amount: dispute.amount, currency: currency)
        description = dispute.description
        requestedResolution = dispute.requestedResolution
        held = dispute.held
        source = dispute.source
        assigneeId = dispute.assigneeId
        dueDate = dispute.dueDate
        createdAt = dispute.createdAt
        resolvedAt = dispute.resolvedAt
        resolution = dispute.resolution
        customerAmount = money(dispute.customerAmount)
        travelerAmount = money(dispute.travelerAmount)
        platformAmount = money(dispute.platformAmount)
        resolutionNotes = dispute.resolutionNotes
    }
}

struct EvidenceResponse: Content {
    var id: UUID
    var submittedBy: UUID
    var type: EvidenceType
    var contentType: String
    var size: Int
    var description: String?
    /// `GET` for the file.
    var fileUrl: String
    var createdAt: Date

    init(_ evidence: DisputeEvidence) throws {
        id = try evidence.requireID()
        submittedBy = evidence.submittedBy
        type = evidence.type
        contentType = evidence.contentType
        size = evidence.size
        description = evidence.description
        fileUrl =
            "/api/v1/disputes/\(evidence.disputeId.uuidString.lowercased())/evidence/\(id.uuidString.lowercased())"
        createdAt = evidence.createdAt
    }
}

struct DisputeMessageResponse: Content {
    var id: UUID
    var senderId: UUID
    var message: String
    var isInternal: Bool
    var createdAt: Date

    init(_ message: DisputeMessage) throws {
        id = try message.requireID()
        senderId = message.senderId
        self.message = message.message
        isInternal = message.isInternal
        createdAt = message.createdAt
    }
}
