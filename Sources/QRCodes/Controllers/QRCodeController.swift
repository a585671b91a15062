import Foundation
import Platform
import Vapor

/// Handoff codes: a delivery's codes, one code, its image, verification at pickup and drop, revoke, reissue,
/// the scan log.
struct QRCodeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let codes = routes.grouped("qr-codes").grouped(RoleGuard.authenticated)
        codes.get("delivery", ":deliveryId", use: forDelivery).doc(
            "A delivery's pickup and delivery codes (payload and backup code for the person handing over)")
        codes.post("pickup", "validate", use: validatePickup).doc(
            "The traveler verifies the sender's pickup code: the delivery becomes picked_up", body: QRVerifyInput.self,
            also: [409, 410])
        codes.post("delivery", "validate", use: validateDelivery).doc(
            "The traveler verifies the recipient's code at the drop: the delivery becomes delivered, escrow is released",
            body: QRVerifyInput.self, also: [409, 410])
        codes.post("verify", use: validateAny).doc(
            "Verify a scanned handoff code", body: QRVerifyInput.self, also: [409, 410])
        codes.post("validation", "validate", use: validateAny).doc(
            "Verify a scanned handoff code", body: QRVerifyInput.self, also: [409, 410])
        codes.post("validation", "validate-backup", use: validateAny).doc(
            "Verify a typed backup code", body: QRVerifyInput.self, also: [409, 410])
        codes.get("validation", ":qrCodeId", "scans", use: scans).doc("Every scan of a code, newest first")
        codes.grouped(RoleGuard.admin).get("validation", "suspicious-scans", use: suspicious).doc(
            "Scans flagged suspicious (admins)")
        codes.get(":qrCodeId", use: show).doc("One code")
        codes.get(":qrCodeId", "image", use: image).doc(
            "The code's symbol as PNG or SVG (?format=png|svg, ?size=1…40 pixels per module)",
            query: ["format": .oneOf(QRImageFormat.self), "size": FieldRule.integer(1...40)])
        codes.post(":qrCodeId", "revoke", use: revoke).doc(
            "Revoke a code not yet used", body: ReasonInput.self, rules: ["reason": .text(upTo: 500)],
            bodyOptional: true)
        codes.post(":qrCodeId", "one-time-code", use: sendOneTimeCode).doc(
            "The traveler at a maximum-level handoff has a one-time code texted to the person handing over")
        codes.post(":qrCodeId", "regenerate", use: regenerate).doc(
            "Replace a code not yet used by a new one (the old one is revoked)")
    }

    struct ReasonInput: Content {
        var reason: String?
    }

    @Sendable func forDelivery(req: Request) async throws -> Envelope<[QRCodeResponse]> {
        Envelope(
            try await QRCodeQueries(context: req.callContext).codes(
                of: try req.uuidParameter("deliveryId", else: QRCodeError.notFound), for: try req.principal))
    }

    @Sendable func show(req: Request) async throws -> Envelope<QRCodeResponse> {
        Envelope(try await QRCodeQueries(context: req.callContext).code(try req.qrCodeId, for: try req.principal))
    }

    @Sendable func image(req: Request) async throws -> Response {
        let format =
            try req.query.get(String?.self, at: "format").map { raw in
                guard let format = QRImageFormat(rawValue: raw) else {
                    throw APIError.validation(["format must be png or svg"])
                }
                return format
            } ?? .png
        let size = try req.query.get(Int?.self, at: "size") ?? 8
        guard (1...40).contains(size) else { throw APIError.validation(["size must be between 1 and 40"]) }
        let image = try await QRCodeQueries(context: req.callContext).image(
            try req.qrCodeId, for: try req.principal, format: format, moduleSize: size)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: image.contentType)
        // A live code's image is a credential: never kept by a shared cache.
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: Data(image.bytes)))
    }

    @Sendable func validatePickup(req: Request) async throws -> Envelope<HandoffVerificationResponse> {
        try await verify(req, expecting: .pickup)
    }

    @Sendable func validateDelivery(req: Request) async throws -> Envelope<HandoffVerificationResponse> {
        try await verify(req, expecting: .delivery)
    }

    @Sendable func validateAny(req: Request) async throws -> Envelope<HandoffVerificationResponse> {
        try await verify(req, expecting: nil)
    }

    private func verify(
        _ req: Request, expecting type: QRCodeType?
    ) async throws
        -> Envelope<HandoffVerificationResponse>
    {
        let scan = try req.content.decode(QRVerifyInput.self).scan(expecting: type)
        let code = try await QRCodeVerifier(context: req.callContext).verify(scan, by: try req.principal)
        let response = HandoffVerificationResponse(
            verified: true, qrCodeId: try code.requireID(), deliveryId: code.deliveryId, handoff: code.type,
            verifiedAt: code.usedAt ?? req.callContext.now, method: scan.method)
        return Envelope(
            response,
            message: code.type == .pickup ? "Pickup verified: the item is with the traveler" : "Delivery verified")
    }

    @Sendable func scans(req: Request) async throws -> Envelope<[QRCodeScanResponse]> {
        .list(
            try await QRCodeQueries(context: req.callContext).scans(
                of: try req.qrCodeId, for: try req.principal, page: try PageQuery(from: req)))
    }

    @Sendable func suspicious(req: Request) async throws -> Envelope<[QRCodeScanResponse]> {
        .list(try await QRCodeQueries(context: req.callContext).suspiciousScans(page: try PageQuery(from: req)))
    }

    @Sendable func revoke(req: Request) async throws -> Envelope<QRCodeResponse> {
        let body = try req.optionalBody(ReasonInput.self, else: ReasonInput())
        let reason = body.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard reason.count <= 500 else { throw APIError.validation(["reason must be at most 500 characters"]) }
        let context = req.callContext
        let principal = try req.principal
        let code = try await QRCodeIssuer(context: context).revoke(
            try req.qrCodeId, by: principal, reason: reason.isEmpty ? "Revoked by its holder" : reason)
        return Envelope(try QRCodeQueries(context: context).response(code, for: principal), message: "Code revoked")
    }

    struct OneTimeCodeSent: Content {
        var sent: Bool
        var expiresAt: Date
    }

    @Sendable func sendOneTimeCode(req: Request) async throws -> Envelope<OneTimeCodeSent> {
        let expiresAt = try await HandoverOneTimeCodes(context: req.callContext).send(
            for: try req.qrCodeId, by: try req.principal)
        return Envelope(OneTimeCodeSent(sent: true, expiresAt: expiresAt), message: "One-time code sent by SMS")
    }

    @Sendable func regenerate(req: Request) async throws -> Envelope<QRCodeResponse> {
        let context = req.callContext
        let principal = try req.principal
        let code = try await QRCodeIssuer(context: context).regenerate(try req.qrCodeId, by: principal, expiresAt: nil)
        return Envelope(
            try QRCodeQueries(context: context).response(code, for: principal),
            message: "A new code replaces the old one")
    }
}

extension Request {
    var qrCodeId: UUID {
        get throws { try uuidParameter("qrCodeId", else: QRCodeError.notFound) }
    }

    func uuidParameter(_ name: String, else error: QRCodeError) throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else { throw error }
        return id
    }
}
