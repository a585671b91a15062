import Fluent
import Platform
import Vapor

/// Admin review of identity documents.
struct VerificationReviewController: RouteCollection {
    struct ApproveRequest: Content {
        var notes: String?
    }

    struct RejectRequest: Content {
        var reason: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped("users", "verification").grouped(RoleGuard.admin)
        admin.get("pending", use: pending).doc("Identity documents waiting for review, oldest first (admin)")
        admin.get("statistics", use: statistics).doc("Verification figures (admin)")
        admin.post(":verificationId", "approve", use: approve)
            .doc("Approve an identity document (admin)", body: ApproveRequest.self, bodyOptional: true)
        admin.post(":verificationId", "reject", use: reject)
            .doc("Reject an identity document with a reason (admin)", body: RejectRequest.self)
        admin.get(":verificationId", "images", ":side", use: image)
            .doc("One image of an identity document: front, back or selfie (admin)")
    }

    /// `GET /users/verification/pending`
    @Sendable func pending(req: Request) async throws -> Envelope<[VerificationReviewItem]> {
        .list(try await VerificationReviewService(context: req.callContext).pending(try PageQuery(from: req)))
    }

    /// `GET /users/verification/statistics`
    @Sendable func statistics(req: Request) async throws -> Envelope<VerificationStatisticsResponse> {
        Envelope(try await VerificationReviewService(context: req.callContext).statistics())
    }

    /// `POST /users/verification/{verificationId}/approve`
    @Sendable func approve(req: Request) async throws -> Envelope<VerificationReviewItem> {
        let input = try req.optionalBody(ApproveRequest.self, else: ApproveRequest())
        try Self.checkText(input.notes, name: "notes", required: false)
        let item = try await VerificationReviewService(context: req.callContext).decide(
            try documentId(req), approve: true, note: input.notes?.trimmed)
        return Envelope(item, message: "Verification approved")
    }

    /// `POST /users/verification/{verificationId}/reject`
    @Sendable func reject(req: Request) async throws -> Envelope<VerificationReviewItem> {
        let input = try req.content.decode(RejectRequest.self)
        try Self.checkText(input.reason, name: "reason", required: true)
        let item = try await VerificationReviewService(context: req.callContext).decide(
            try documentId(req), approve: false, note: input.reason.trimmed)
        return Envelope(item, message: "Verification rejected")
    }

    /// `GET /users/verification/{verificationId}/images/{side}`
    @Sendable func image(req: Request) async throws -> Response {
        let (data, contentType) = try await VerificationReviewService(context: req.callContext).image(
            of: try documentId(req), side: req.parameters.get("side") ?? "")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    private func documentId(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("verificationId", as: UUID.self) else { throw UsersError.documentNotFound }
        return id
    }

    private static func checkText(_ text: String?, name: String, required: Bool) throws {
        var check = RuleCheck()
        let length = text?.trimmed.count ?? 0
        if required { check.require(length >= 3, "\(name) must be at least 3 characters") }
        check.require(length <= 1000, "\(name) must be at most 1000 characters")
        try check.throwIfBroken()
    }
}

extension VerificationReviewController.ApproveRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] { ["notes": .text(upTo: 1000)] }
}

extension VerificationReviewController.RejectRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] { ["reason": .text(3...1000)] }
}
