import Auth
import Fluent
import Platform
import Vapor

/// The admin side of identity verification: the queue, decisions, figures and the document images.
struct VerificationReviewService {
    let req: Request

    /// Pending documents, oldest first.
    func pending(_ page: PageRequest) async throws -> Page<VerificationReviewItem> {
        let documents = try await UserVerificationDocument.query(on: req.db).filter(\.$status == .pending)
            .sort(\.$createdAt, .ascending).page(page)
        let owners = try await users(documents.items.map { $0.$user.id })
        return Page(
            items: try documents.items.compactMap { document in
                try owners[document.$user.id].map { try VerificationReviewItem(document, owner: $0) }
            },
            pagination: documents.pagination)
    }

    /// Approves or rejects a pending document, recomputes the owner's level and tells them by e-mail.
    /// `note` is the rejection reason (shown to the user) or the approval notes (kept for admins).
    func decide(_ documentId: UUID, approve: Bool, note: String?) async throws -> VerificationReviewItem {
        let reason = approve ? nil : note
        let reviewerId = try req.principal.userId
        return try await req.db.transaction { db in
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
            document.verifiedAt = req.now
            document.rejectionReason = reason
            if approve, let note, !note.isEmpty { document.metadata["reviewNotes"] = note }
            try await document.save(on: db)
            let ownerId = try owner.requireID()
            try await AuditTrail.record(
                approve ? "identity_approved" : "identity_rejected", category: "profile", userId: ownerId,
                entityType: "verification_document", entityId: documentId.uuidString,
                metadata: approve ? [:] : ["reason": reason ?? ""], on: db, req: req)
            try await VerificationLevelPolicy.refresh(owner, on: db, req: req)
            try await req.publish(
                IdentityDocumentReviewed(documentId: documentId, userId: ownerId, approved: approve, reviewerId: reviewerId),
                on: db)
            try await req.application.mailer.enqueue(
                Self.decisionMail(to: owner, approved: approve, reason: reason), on: db, application: req.application)
            return try VerificationReviewItem(document, owner: owner)
        }
    }

    func statistics() async throws -> VerificationStatisticsResponse {
        let documents = try await UserVerificationDocument.query(on: req.db).all()
        let count = { (status: UserVerificationDocument.Status) in documents.filter { $0.status == status }.count }
        let reviewed = documents.compactMap { document in
            document.verifiedAt.map { $0.timeIntervalSince(document.createdAt) / 3600 }
        }
        let approved = count(.approved)
        let rejected = count(.rejected)
        var levels: [String: Int] = [:]
        for level in VerificationLevel.allCases {
            levels[level.rawValue] = try await User.query(on: req.db).filter(\.$verificationLevel == level).count()
        }
        return VerificationStatisticsResponse(
            pending: count(.pending), approved: approved, rejected: rejected, total: documents.count,
            byDocumentType: Dictionary(grouping: documents, by: \.documentType.rawValue).mapValues(\.count),
            usersByVerificationLevel: levels,
            averageReviewHours: reviewed.isEmpty ? nil : reviewed.reduce(0, +) / Double(reviewed.count),
            oldestPendingSubmittedAt: documents.filter { $0.status == .pending }.map(\.createdAt).min(),
            approvalRate: approved + rejected == 0 ? nil : Double(approved) / Double(approved + rejected))
    }

    /// One image of a document (`front`, `back` or `selfie`) with its content type.
    func image(of documentId: UUID, side: String) async throws -> (Data, String) {
        guard let document = try await UserVerificationDocument.find(documentId, on: req.db) else {
            throw UsersError.documentNotFound
        }
        let key: String?
        switch side {
        case "front": key = document.frontImageKey
        case "back": key = document.backImageKey
        case "selfie": key = document.selfieImageKey
        default: key = nil
        }
        guard let key, let data = try await req.application.fileStore.get(key) else {
            throw APIError.notFound("Document image")
        }
        return (data, document.metadata["\(side)ContentType"] ?? FileSignature.detect(data)?.contentType ?? "application/octet-stream")
    }

    private func users(_ ids: [UUID]) async throws -> [UUID: User] {
        guard !ids.isEmpty else { return [:] }
        let users = try await User.query(on: req.db).filter(\.$id ~~ ids).all()
        return Dictionary(uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user) } })
    }

    private static func decisionMail(to user: User, approved: Bool, reason: String?) -> MailMessage {
        let text = approved
            ? "Hello \(user.firstName),\n\nYour identity has been verified. Thank you.\n"
            : "Hello \(user.firstName),\n\nWe could not verify your identity: \(reason ?? "no reason given").\n"
                + "You can resubmit your documents from your profile.\n"
        return MailMessage(
            to: user.email, subject: approved ? "Your identity is verified" : "Your identity verification was not accepted",
            text: text, category: "verification")
    }
}
