import Auth
import Fluent
import Platform
import Vapor

/// The admin side of identity verification: the queue, decisions, figures and the document images.
struct VerificationReviewService {
    let context: CallContext

    /// Pending documents, oldest first.
    func pending(_ page: PageQuery) async throws -> ListPage<VerificationReviewItem> {
        let documents = try await UserVerificationDocument.query(on: context.db).filter(\.$status == .pending)
            .sort(\.$createdAt, .ascending).page(page)
        let owners = try await users(documents.items.map { $0.$user.id })
        return ListPage(
            items: try documents.items.compactMap { document in
                try owners[document.$user.id].map { try VerificationReviewItem(document, owner: $0) }
            },
            pagination: documents.pagination)
    }

    /// Approves or rejects a pending document, recomputes the owner's level and tells them by e-mail.
    /// `note` is the rejection reason (shown to the user) or the approval notes (kept for admins).
    func decide(_ documentId: UUID, approve: Bool, note: String?) async throws -> VerificationReviewItem {
        let reason = approve ? nil : note
        let reviewerId = try context.requirePrincipal().userId
        return try await context.db.transaction { db in
            guard let document = try await UserVerificationDocument.find(documentId, on: db),
                let owner = try await User.find(document.$user.id, on: db)
            else { throw UsersError.documentNotFound }
            let target: UserVerificationDocument.Status = approve ? .approved : .rejected
            guard document.status == .pending else {
                throw APIError.invalidTransition(
                    from: document.status.rawValue, to: target.rawValue, entity: "verification")
            }
            // Four eyes: nobody decides on their own identity.
            guard document.$user.id != reviewerId else {
                throw APIError.forbidden("You cannot review your own verification", code: "SELF_REVIEW")
            }
            document.status = target
            document.verifiedBy = reviewerId
            document.verifiedAt = context.now
            document.rejectionReason = reason
            if approve, let note, !note.isEmpty { document.metadata["reviewNotes"] = note }
            try await document.save(on: db)
            let ownerId = try owner.requireID()
            try await AuditTrail.record(
                approve ? "identity_approved" : "identity_rejected", category: "profile", userId: ownerId,
                entityType: "verification_document", entityId: documentId.uuidString,
                metadata: approve ? [:] : ["reason": reason ?? ""], context: context.on(db))
            try await VerificationLevelPolicy.refresh(owner, context: context.on(db))
            try await context.publish(
                IdentityDocumentReviewed(
                    documentId: documentId, userId: ownerId, approved: approve, reviewerId: reviewerId),
                on: db)
            try await context.mailer.enqueue(
                Self.decisionMail(to: owner, approved: approve, reason: reason), context: context.on(db))
            return try VerificationReviewItem(document, owner: owner)
        }
    }

    /// Counts come from the database; the review time is averaged over the latest decisions, which is what
    /// an operator staffing the queue needs and keeps the cost flat as the table grows.
    func statistics() async throws -> VerificationStatisticsResponse {
        typealias Document = UserVerificationDocument
        var byStatus: [Document.Status: Int] = [:]
        for status in Document.Status.allCases {
            byStatus[status] = try await Document.query(on: context.db).filter(\.$status == status).count()
        }
        var byType: [String: Int] = [:]
        for type in Document.DocumentType.allCases {
            let count = try await Document.query(on: context.db).filter(\.$documentType == type).count()
            if count > 0 { byType[type.rawValue] = count }
        }
        var levels: [String: Int] = [:]
        for level in VerificationLevel.allCases {
            levels[level.rawValue] = try await User.query(on: context.db).filter(\.$verificationLevel == level).count()
        }
        let recentDecisions = try await Document.query(on: context.db).filter(\.$verifiedAt != nil)
            .sort(\.$verifiedAt, .descending).limit(Self.reviewTimeSample).all()
        let hours = recentDecisions.compactMap { document in
            document.verifiedAt.map { $0.timeIntervalSince(document.createdAt) / 3600 }
        }
        let oldestPending = try await Document.query(on: context.db).filter(\.$status == .pending)
            .sort(\.$createdAt, .ascending).first()
        let approved = byStatus[.approved] ?? 0
        let rejected = byStatus[.rejected] ?? 0
        let pending = byStatus[.pending] ?? 0
        return VerificationStatisticsResponse(
            pending: pending, approved: approved, rejected: rejected, total: pending + approved + rejected,
            byDocumentType: byType, usersByVerificationLevel: levels,
            averageReviewHours: hours.isEmpty
                ? nil : ((hours.reduce(0, +) / Double(hours.count)) * 100).rounded() / 100,
            oldestPendingSubmittedAt: oldestPending?.createdAt,
            approvalRate: approved + rejected == 0 ? nil : Double(approved) / Double(approved + rejected))
    }

    /// How many recent decisions the average review time is computed from.
    static let reviewTimeSample = 500

    /// One image of a document (`front`, `back` or `selfie`) with its content type.
    func image(of documentId: UUID, side: String) async throws -> (Data, String) {
        guard let document = try await UserVerificationDocument.find(documentId, on: context.db) else {
            throw UsersError.documentNotFound
        }
        let key: String?
        switch side {
        case "front": key = document.frontImageKey
        case "back": key = document.backImageKey
        case "selfie": key = document.selfieImageKey
        default: key = nil
        }
        guard let key, let data = try await context.fileStore.get(key) else {
            throw APIError.notFound("Document image")
        }
        return (
            data,
            document.metadata["\(side)ContentType"] ?? FileSignature.detect(data)?.contentType
                ?? "application/octet-stream"
        )
    }

    private func users(_ ids: [UUID]) async throws -> [UUID: User] {
        guard !ids.isEmpty else { return [:] }
        let users = try await User.query(on: context.db).filter(\.$id ~~ ids).all()
        return Dictionary(uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user) } })
    }

    private static func decisionMail(to user: User, approved: Bool, reason: String?) -> MailMessage {
        let text =
            approved
            ? "Hello \(user.firstName),\n\nYour identity has been verified. Thank you.\n"
            : "Hello \(user.firstName),\n\nWe could not verify your identity: \(reason ?? "no reason given").\n"
                + "You can resubmit your documents from your profile.\n"
        return MailMessage(
            to: user.email,
            subject: approved ? "Your identity is verified" : "Your identity verification was not accepted",
            text: text, category: "verification")
    }
}
