import Fluent
import Foundation
import Platform
import Users
import Vapor

/// What each side adds to a dispute: evidence files (typed by their bytes, never by the name or the claimed
/// type) and messages; admins may also leave internal notes the parties never see.
struct DisputeConversation {
    let context: CallContext

    func addEvidence(
        to disputeId: UUID, file: UploadRules.Checked, description: String?, by principal: Principal
    ) async throws -> DisputeEvidence {
        let dispute = try await DisputeService(context: context).dispute(disputeId, for: principal)
        guard dispute.status.isOpen else { throw DisputeError.alreadyResolved }
        let key = UploadRules.key(folder: "dispute-evidence", userId: principal.userId, signature: file.signature)
        let stored = try await context.fileStore.put(file.data, key: key, contentType: file.signature.contentType)
        let evidence = DisputeEvidence()
        evidence.disputeId = disputeId
        evidence.submittedBy = principal.userId
        evidence.type = file.signature == .pdf ? .document : .photo
        evidence.fileKey = stored.key
        evidence.contentType = stored.contentType
        evidence.size = stored.size
        evidence.description = description
        evidence.createdAt = context.now
        do {
            try await evidence.create(on: context.db)
        } catch {
            try? await context.fileStore.delete(stored.key)
            throw error
        }
        return evidence
    }

    func evidence(of disputeId: UUID, for viewer: Principal) async throws -> [DisputeEvidence] {
        _ = try await DisputeService(context: context).dispute(disputeId, for: viewer)
        return try await DisputeEvidence.query(on: context.db).filter(\.$disputeId == disputeId)
            .sort(\.$createdAt).all()
    }

    /// One evidence file's bytes, for the dispute's parties and admins.
    func file(_ evidenceId: UUID, of disputeId: UUID, for viewer: Principal) async throws -> (Data, String) {
        _ = try await DisputeService(context: context).dispute(disputeId, for: viewer)
        guard let evidence = try await DisputeEvidence.find(evidenceId, on: context.db),
            evidence.disputeId == disputeId, let data = try await context.fileStore.get(evidence.fileKey)
        else { throw DisputeError.evidenceNotFound }
        return (data, evidence.contentType)
    }

    func addMessage(
        to disputeId: UUID, _ text: String, isInternal: Bool, by principal: Principal
    ) async throws -> DisputeMessage {
        let dispute = try await DisputeService(context: context).dispute(disputeId, for: principal)
        guard dispute.status.isOpen else { throw DisputeError.alreadyResolved }
        let message = DisputeMessage()
        message.disputeId = disputeId
        message.senderId = principal.userId
        message.message = text
        message.isInternal = isInternal && principal.isAdmin
        message.createdAt = context.now
        try await message.create(on: context.db)
        return message
    }

    /// The messages `viewer` may read: all for admins, none of the internal notes for the parties.
    func messages(of disputeId: UUID, for viewer: Principal) async throws -> [DisputeMessage] {
        _ = try await DisputeService(context: context).dispute(disputeId, for: viewer)
        let query = DisputeMessage.query(on: context.db).filter(\.$disputeId == disputeId)
        if !viewer.isAdmin { query.filter(\.$isInternal == false) }
        return try await query.sort(\.$createdAt).all()
    }
}
