import Fluent
import Foundation
import Platform
import Vapor

/// Reissuing codes, a member's history, checks that use nothing, and admins' analytics.
struct QRCodeInsightsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let codes = routes.grouped("qr-codes").grouped(RoleGuard.authenticated)
        codes.post("generate", use: generate).doc(
            "Reissue a delivery's code of a type (the current one is revoked)", body: QRGenerateInput.self,
            requiring: ["type"], also: [404])
        codes.post("pickup", "generate", use: generatePickup).doc(
            "Reissue a delivery's pickup code", body: QRGenerateInput.self, also: [404])
        codes.post("delivery", "generate", use: generateDelivery).doc(
            "Reissue a delivery's delivery code", body: QRGenerateInput.self, also: [404])
        codes.get("history", use: history).doc("Codes the signed-in member holds or must scan, newest first")
        codes.post("test-scanner", use: inspect).doc(
            "Check that a scanner reads a code: what it is, without using it", body: QRInspectInput.self)
        codes.post("validation", "verify-integrity", use: inspect).doc(
            "Check a code's authenticity and state without using it", body: QRInspectInput.self)
        codes.get("validation", "validation-status", use: validationStatus).doc(
            "A delivery's codes and their last scans (?deliveryId=)", also: [404],
            query: ["deliveryId": FieldRule.format("uuid").required])
        let admin = codes.grouped(RoleGuard.admin)
        admin.post("bulk-generate", use: bulkGenerate).doc(
            "Reissue the codes of several deliveries (admins)", body: QRBulkGenerateInput.self)
        admin.get("analytics", use: analytics).doc(
            "Codes and scans of the last ?days= (30) days (admins)", query: ["days": FieldRule.integer(1...365)])
        admin.get("performance-metrics", use: performance).doc(
            "Time from issue to handoff, scans per handoff (admins)", query: ["days": FieldRule.integer(1...365)])
        admin.get("validation", "validation-stats", use: analytics).doc(
            "Scans by result over the last ?days= (30) days (admins)", query: ["days": FieldRule.integer(1...365)])
    }

    @Sendable func generate(req: Request) async throws -> Envelope<QRCodeResponse> {
        let input = try req.content.decode(QRGenerateInput.self)
        guard let type = input.type else { throw APIError.validation(["type is required"]) }
        return try await reissue(req, input.deliveryId, type)
    }

    @Sendable func generatePickup(req: Request) async throws -> Envelope<QRCodeResponse> {
        try await reissue(req, try req.content.decode(QRGenerateInput.self).deliveryId, .pickup)
    }

    @Sendable func generateDelivery(req: Request) async throws -> Envelope<QRCodeResponse> {
        try await reissue(req, try req.content.decode(QRGenerateInput.self).deliveryId, .delivery)
    }

    private func reissue(
        _ req: Request, _ deliveryId: UUID, _ type: QRCodeType
    ) async throws
        -> Envelope<QRCodeResponse>
    {
        let context = req.callContext
        let principal = try req.principal
        let code = try await QRCodeIssuer(context: context).generate(type, for: deliveryId, by: principal)
        return Envelope(try QRCodeQueries(context: context).response(code, for: principal), message: "Code issued")
    }

    @Sendable func bulkGenerate(req: Request) async throws -> Envelope<[QRCodeResponse]> {
        let input = try req.content.decode(QRBulkGenerateInput.self)
        guard (1...100).contains(input.deliveryIds.count) else {
            throw APIError.validation(["deliveryIds must have 1 to 100 entries"])
        }
        let context = req.callContext
        let principal = try req.principal
        let issuer = QRCodeIssuer(context: context)
        var issued: [QRCodeResponse] = []
        for deliveryId in Set(input.deliveryIds) {
            for type in input.type.map({ [$0] }) ?? QRCodeType.allCases {
                do {
                    let code = try await issuer.generate(type, for: deliveryId, by: principal)
                    issued.append(try QRCodeQueries(context: context).response(code, for: principal))
                } catch QRCodeError.alreadyUsed {
                    continue  // that handoff is done
                } catch QRCodeError.notFound {
                    continue  // a delivery without codes (cancelled before they existed, or no such delivery)
                }
            }
        }
        return Envelope(issued, message: "\(issued.count) codes issued")
    }

    @Sendable func history(req: Request) async throws -> Envelope<[QRCodeResponse]> {
        let context = req.callContext
        let principal = try req.principal
        let page = try await QRCodeInsights(context: context).history(
            of: principal.userId, page: try PageQuery(from: req))
        return .list(try page.map { try QRCodeQueries(context: context).response($0, for: principal) })
    }

    @Sendable func inspect(req: Request) async throws -> Envelope<QRCodeInsights.Inspection> {
        let input = try req.content.decode(QRInspectInput.self)
        guard input.qrData.count <= 2000 else { throw APIError.validation(["qrData must be at most 2000 characters"]) }
        return Envelope(
            try await QRCodeInsights(context: req.callContext).inspect(input.qrData, for: try req.principal))
    }

    @Sendable func validationStatus(req: Request) async throws -> Envelope<[QRCodeInsights.CodeStatus]> {
        guard let raw = try req.query.get(String?.self, at: "deliveryId"), let deliveryId = UUID(uuidString: raw)
        else { throw APIError.validation(["deliveryId is required"]) }
        return Envelope(
            try await QRCodeInsights(context: req.callContext).validationStatus(of: deliveryId, for: try req.principal))
    }

    @Sendable func analytics(req: Request) async throws -> Envelope<QRCodeInsights.Analytics> {
        Envelope(try await QRCodeInsights(context: req.callContext).analytics(since: try since(req)))
    }

    @Sendable func performance(req: Request) async throws -> Envelope<QRCodeInsights.Performance> {
        Envelope(try await QRCodeInsights(context: req.callContext).performance(since: try since(req)))
    }

    private func since(_ req: Request) throws -> Date {
        let days = try req.query.get(Int?.self, at: "days") ?? 30
        guard (1...365).contains(days) else { throw APIError.validation(["days must be between 1 and 365"]) }
        return req.callContext.now.addingTimeInterval(-Double(days) * 24 * 3600)
    }
}
