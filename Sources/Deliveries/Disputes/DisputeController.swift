import Fluent
import Foundation
import Payments
import Platform
import Users
import Vapor

/// Disputes for the delivery's parties: open one, read it, add evidence and messages.
struct DisputeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let authenticated = routes.grouped(RoleGuard.authenticated)
        authenticated.post("deliveries", ":deliveryId", "disputes", use: open).doc(
            "Open a dispute on a delivery after pickup: its money is held until an admin rules",
            body: DisputeInput.self, status: 201)
        authenticated.get("deliveries", ":deliveryId", "disputes", use: forDelivery).doc(
            "A delivery's disputes, newest first")
        let disputes = authenticated.grouped("disputes", ":disputeId")
        disputes.get(use: show).doc("One dispute and its outcome")
        disputes.on(.POST, "evidence", body: .collect(maxSize: "6mb"), use: addEvidence).doc(
            "Add evidence (multipart: file, a JPEG, PNG, WebP or PDF of at most 5 MB; description)",
            body: EvidenceForm.self, status: 201, requiring: ["file"])
        disputes.get("evidence", use: evidence).doc("The dispute's evidence")
        disputes.get("evidence", ":evidenceId", use: evidenceFile).doc("One evidence file")
        disputes.post("messages", use: addMessage).doc(
            "Write to the dispute", body: DisputeMessageInput.self, status: 201)
        disputes.get("messages", use: messages).doc("The dispute's messages, oldest first")
    }

    @Sendable func open(req: Request) async throws -> Response {
        let opening = try req.content.decode(DisputeInput.self).opening(source: "member")
        let dispute = try await DisputeService(context: req.callContext).open(
            on: try req.deliveryId.uuid, opening, by: try req.principal)
        return try await Envelope(try DisputeResponse(dispute), message: "Dispute \(dispute.caseNumber) opened")
            .response(status: .created, for: req)
    }

    @Sendable func forDelivery(req: Request) async throws -> Envelope<[DisputeResponse]> {
        let (delivery, _) = try await DeliveryService(context: req.callContext).partyDelivery(
            try req.deliveryId.uuid, for: try req.principal)
        let disputes = try await Dispute.query(on: req.db).filter(\.$deliveryId == delivery.requireID())
            .sort(\.$createdAt, .descending).all()
        return Envelope(try disputes.map(DisputeResponse.init))
    }

    @Sendable func show(req: Request) async throws -> Envelope<DisputeResponse> {
        Envelope(
            try DisputeResponse(
                try await DisputeService(context: req.callContext).dispute(try req.disputeId, for: try req.principal)))
    }

    @Sendable func addEvidence(req: Request) async throws -> Response {
        let form = try req.content.decode(EvidenceForm.self)
        guard let file = form.file else { throw APIError.validation(["file is required"]) }
        let checked = try UploadRules.check(file, field: "file", allowed: UploadRules.documents)
        let description = form.description?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (description?.count ?? 0) <= 1000 else {
            throw APIError.validation(["description must be at most 1000 characters"])
        }
        let evidence = try await DisputeConversation(context: req.callContext).addEvidence(
            to: try req.disputeId, file: checked, description: description?.isEmpty == true ? nil : description,
            by: try req.principal)
        return try await Envelope(try EvidenceResponse(evidence), message: "Evidence added")
            .response(status: .created, for: req)
    }

    @Sendable func evidence(req: Request) async throws -> Envelope<[EvidenceResponse]> {
        Envelope(
            try await DisputeConversation(context: req.callContext).evidence(
                of: try req.disputeId, for: try req.principal
            ).map(EvidenceResponse.init))
    }

    @Sendable func evidenceFile(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("evidenceId"), let evidenceId = UUID(uuidString: raw) else {
            throw DisputeError.evidenceNotFound
        }
        let (data, contentType) = try await DisputeConversation(context: req.callContext).file(
            evidenceId, of: try req.disputeId, for: try req.principal)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    @Sendable func addMessage(req: Request) async throws -> Response {
        let input = try req.content.decode(DisputeMessageInput.self)
        let text = input.message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...5000).contains(text.count) else {
            throw APIError.validation(["message must be 1 to 5000 characters"])
        }
        let message = try await DisputeConversation(context: req.callContext).addMessage(
            to: try req.disputeId, text, isInternal: input.isInternal ?? false, by: try req.principal)
        return try await Envelope(try DisputeMessageResponse(message), message: "Message sent")
            .response(status: .created, for: req)
    }

    @Sendable func messages(req: Request) async throws -> Envelope<[DisputeMessageResponse]> {
        Envelope(
            try await DisputeConversation(context: req.callContext).messages(
                of: try req.disputeId, for: try req.principal
            ).map(DisputeMessageResponse.init))
    }
}

extension Request {
    var disputeId: UUID {
        get throws {
            guard let raw = parameters.get("disputeId"), let id = UUID(uuidString: raw) else {
                throw DisputeError.notFound
            }
            return id
        }
    }
}
