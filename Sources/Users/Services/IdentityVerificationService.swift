import Auth
import Fluent
import Platform
import Vapor

/// Submitting identity documents (front, back, selfie) for review, and the user's verification status.
struct IdentityVerificationService {
    let context: CallContext

    /// The uploaded parts of a submission, already checked against `UploadRules`.
    struct Submission: Sendable {
        var documentType: UserVerificationDocument.DocumentType
        var front: UploadRules.Checked
        var back: UploadRules.Checked?
        var selfie: UploadRules.Checked
    }

    /// Stores the files and queues the document for review. `resubmission` is only allowed after a rejection;
    /// a first submission only when nothing is pending or approved.
    func submit(_ submission: Submission, for user: User, resubmission: Bool) async throws -> UserVerificationDocument {
        let userId = try user.requireID()
        let latest = try await latestDocument(of: userId, on: context.db)
        try Self.requireCanSubmit(latest: latest, resubmission: resubmission)
        var stored: [String: StoredFile] = [:]
        do {
            for (side, file) in [("front", submission.front), ("back", submission.back), ("selfie", submission.selfie)]
            {
                guard let file else { continue }
                let key = UploadRules.key(folder: "identity-documents", userId: userId, signature: file.signature)
                stored[side] = try await context.fileStore.put(
                    file.data, key: key, contentType: file.signature.contentType)
            }
            let files = stored
            return try await context.db.transaction { db in
                // Checked again in the transaction: two uploads racing must not both be queued.
                try Self.requireCanSubmit(
                    latest: try await latestDocument(of: userId, on: db), resubmission: resubmission)
                let document = UserVerificationDocument(
                    userId: userId, documentType: submission.documentType, submittedAt: context.now)
                document.frontImageKey = files["front"]?.key ?? ""
                document.backImageKey = files["back"]?.key
                document.selfieImageKey = files["selfie"]?.key
                var metadata: [String: String] = [:]
                for (side, file) in files {
                    metadata["\(side)ContentType"] = file.contentType
                    metadata["\(side)Size"] = String(file.size)
                }
                if resubmission, let previous = latest?.id { metadata["resubmissionOf"] = previous.uuidString }
                document.metadata = metadata
                try await document.create(on: db)
                try await AuditTrail.record(
                    resubmission ? "identity_resubmitted" : "identity_submitted", category: "profile", userId: userId,
                    entityType: "verification_document", entityId: document.id?.uuidString,
                    metadata: ["documentType": submission.documentType.rawValue], context: context.on(db))
                return document
            }
        } catch {
            for file in stored.values { try? await context.fileStore.delete(file.key) }
            throw error
        }
    }

    /// The level, its facts, the latest submission and the next step.
    func status(of user: User) async throws -> VerificationStatusResponse {
        let facts = try await VerificationLevelPolicy.facts(for: user, on: context.db)
        let latest = try await latestDocument(of: try user.requireID(), on: context.db)
        let nextStep: String
        switch (facts.emailVerified, facts.phoneVerified, facts.identityApproved, latest?.status) {
        case (false, _, _, _): nextStep = "verify_email"
        case (_, false, _, _): nextStep = "verify_phone"
        case (_, _, true, _): nextStep = "none"
        case (_, _, _, .pending?): nextStep = "await_review"
        case (_, _, _, .rejected?): nextStep = "resubmit_identity"
        default: nextStep = "submit_identity"
        }
        return VerificationStatusResponse(
            verificationLevel: user.verificationLevel, emailVerified: facts.emailVerified,
            phoneVerified: facts.phoneVerified, phoneNumber: user.phoneNumber, identityVerified: facts.identityApproved,
            identityDocument: try latest.map(IdentityDocumentResponse.init), nextStep: nextStep)
    }

    private func latestDocument(of userId: UUID, on db: any Database) async throws -> UserVerificationDocument? {
        try await UserVerificationDocument.query(on: db).filter(\.$user.$id == userId)
            .sort(\.$createdAt, .descending).first()
    }

    private static func requireCanSubmit(latest: UserVerificationDocument?, resubmission: Bool) throws {
        switch latest?.status {
        case .approved?: throw UsersError.identityAlreadyVerified
        case .pending?: throw UsersError.identityReviewPending
        case .rejected?: return
        case nil: if resubmission { throw UsersError.nothingToResubmit }
        }
    }
}
