import Fluent
import Foundation
import Platform
import Vapor

/// Payment intents for their customer, and every member's balances and ledger entries.
struct PaymentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let payments = routes.grouped("payments").grouped(RoleGuard.authenticated)
        payments.get("history", use: history).doc("The signed-in member's payment attempts, newest first")
        payments.get("balance", use: balance).doc(
            "The signed-in member's balances per currency: pending, available, paid out, refunded")
        payments.get("ledger", use: ledger).doc("The signed-in member's ledger entries, newest first")
        payments.grouped(RoleGuard.admin).post("escrow", ":escrowId", "release", use: releaseEscrow).doc(
            "Release a held escrow to its traveler now (admins), with a reason", body: EscrowReleaseInput.self,
            rules: ["reason": .requiredReason])
        let intents = payments.grouped("intents")
        intents.get(":paymentIntentId", use: show).doc("One payment intent, itemised")
        intents.post(":paymentIntentId", "confirm", use: confirm).doc(
            "Complete a payment after the card's authentication step: books the offer it pays for")
        intents.post(":paymentIntentId", "cancel", use: cancel).doc(
            "Give up a payment that waits for authentication")
        intents.get(":paymentIntentId", "receipt", use: receipt).doc(
            "The payment's receipt as HTML or PDF (?format=html|pdf)", query: ["format": .oneOf(["html", "pdf"])])
    }

    @Sendable func show(req: Request) async throws -> Envelope<PaymentIntentResponse> {
        let principal = try req.principal
        guard let intent = try await PaymentIntent.find(try req.paymentIntentId, on: req.db),
            intent.customerId == principal.userId || principal.isAdmin
        else { throw PaymentError.intentNotFound }
        return Envelope(try PaymentIntentResponse(intent))
    }

    @Sendable func receipt(req: Request) async throws -> Response {
        let format = try req.query.get(String?.self, at: "format") ?? "html"
        guard format == "html" || format == "pdf" else { throw APIError.validation(["format must be html or pdf"]) }
        let principal = try req.principal
        guard let intent = try await PaymentIntent.find(try req.paymentIntentId, on: req.db),
            intent.customerId == principal.userId || principal.isAdmin
        else { throw PaymentError.intentNotFound }
        guard intent.confirmedAt != nil else { throw PaymentError.invalidState(intent.status, action: "receipted") }
        let refunds = try await Refund.query(on: req.db).filter(\.$paymentIntentId == intent.requireID())
            .sort(\.$createdAt).all()
        let receipt = try Receipt(intent, refunds: refunds)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        if format == "pdf" {
            headers.replaceOrAdd(name: .contentType, value: "application/pdf")
            headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(receipt.number).pdf\"")
            return Response(status: .ok, headers: headers, body: .init(data: ReceiptPDF.render(receipt)))
        }
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: ReceiptHTML.render(receipt)))
    }

    struct EscrowReleaseInput: Content {
        var reason: String?
    }

    @Sendable func releaseEscrow(req: Request) async throws -> Envelope<EscrowView> {
        let input = try req.optionalBody(EscrowReleaseInput.self, else: EscrowReleaseInput())
        let reason = try TextRules.reason(input.reason)
        guard let raw = req.parameters.get("escrowId"), let id = UUID(uuidString: raw),
            let escrow = try await EscrowAccount.find(id, on: req.db)
        else { throw EscrowError.notFound }
        let context = req.callContext
        try await context.transaction { tx in
            guard escrow.status == .held else {
                throw EscrowError.invalidTransition(from: escrow.status, to: .released)
            }
            try await EscrowRelease(context: tx).release(
                deliveryId: escrow.deliveryId, reason: "Released by an admin: \(reason)")
        }
        let released = try await EscrowAccount.find(id, on: req.db) ?? escrow
        return Envelope(try EscrowView(released), message: "Escrow released")
    }

    struct EscrowView: Content {
        var id: UUID
        var deliveryId: UUID
        var status: EscrowStatus
        var amount: Money
        var releasedAt: Date?
        var releaseReason: String?

        init(_ escrow: EscrowAccount) throws {
            id = try escrow.requireID()
            deliveryId = escrow.deliveryId
            status = escrow.status
            amount = Money(amount: escrow.amount, currency: Currency(code: escrow.currency) ?? .eur)
            releasedAt = escrow.releasedAt
            releaseReason = escrow.releaseReason
        }
    }

    @Sendable func confirm(req: Request) async throws -> Envelope<PaymentIntentResponse> {
        let intent = try await PaymentIntents(context: req.callContext).confirm(
            try req.paymentIntentId, by: try req.principal)
        return Envelope(
            try PaymentIntentResponse(intent),
            message: intent.status == .succeeded ? "Payment confirmed: the delivery is booked" : nil)
    }

    @Sendable func cancel(req: Request) async throws -> Envelope<PaymentIntentResponse> {
        let intent = try await PaymentIntents(context: req.callContext).cancel(
            try req.paymentIntentId, by: try req.principal)
        return Envelope(try PaymentIntentResponse(intent), message: "Payment cancelled")
    }

    @Sendable func history(req: Request) async throws -> Envelope<[PaymentIntentResponse]> {
        let customerId = try req.principal.userId
        let page = try await PaymentIntent.query(on: req.db).filter(\.$customerId == customerId)
            .sort(\.$createdAt, .descending).page(try PageQuery(from: req))
        return .list(try page.map(PaymentIntentResponse.init))
    }

    @Sendable func balance(req: Request) async throws -> Envelope<[MoneyStatements.Balance]> {
        Envelope(try await MoneyStatements(context: req.callContext).balances(of: try req.principal.userId))
    }

    @Sendable func ledger(req: Request) async throws -> Envelope<[MoneyStatements.Line]> {
        .list(
            try await MoneyStatements(context: req.callContext).entries(
                of: try req.principal.userId, page: try PageQuery(from: req)))
    }
}

extension Request {
    var paymentIntentId: UUID {
        get throws {
            guard let raw = parameters.get("paymentIntentId"), let id = UUID(uuidString: raw) else {
                throw PaymentError.intentNotFound
            }
            return id
        }
    }
}
