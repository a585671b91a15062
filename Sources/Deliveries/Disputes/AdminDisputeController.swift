import Fluent
import Foundation
import Payments
import Platform
import Vapor

/// The admins' side of disputes: the queue, assignment, and the ruling the ledger carries out.
struct AdminDisputeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped("admin", "disputes").grouped(RoleGuard.admin)
        admin.get(use: list).doc(
            "Disputes, oldest due first (?status=open|under_review|resolved)",
            query: ["status": .filter(DisputeStatus.self)])
        admin.post(use: open).doc(
            "Open a dispute for a delivery's customer", body: DisputeInput.self, status: 201, requiring: ["deliveryId"],
            also: [404])
        admin.get(":disputeId", use: show).doc("One dispute with what is at stake")
        admin.put(":disputeId", "assign", use: assign).doc(
            "Take a dispute, or give it to another admin", body: DisputeAssignInput.self, bodyOptional: true)
        admin.put(":disputeId", "resolve", use: resolve).doc(
            "Rule on a dispute: full_refund, partial_refund, release or split, carried out once on the ledger",
            body: DisputeResolutionInput.self)
    }

    struct AdminDisputeView: Content {
        var dispute: DisputeResponse
        /// What a ruling can divide now, in minor units, and the commission a plain release would take.
        var atStake: Money?
        var commission: Money?
    }

    @Sendable func list(req: Request) async throws -> Envelope<[DisputeResponse]> {
        let query = Dispute.query(on: req.db)
        if let status = try req.filter("status", as: DisputeStatus.self) { query.filter(\.$status == status) }
        let page = try await query.sort(\.$dueDate).sort(\.$createdAt).page(try PageQuery(from: req))
        return .list(try page.map(DisputeResponse.init))
    }

    @Sendable func open(req: Request) async throws -> Response {
        let input = try req.content.decode(DisputeInput.self)
        guard let deliveryId = input.deliveryId else { throw APIError.validation(["deliveryId is required"]) }
        let dispute = try await DisputeService(context: req.callContext).open(
            on: deliveryId, try input.opening(source: "admin"), by: try req.principal)
        return try await Envelope(try DisputeResponse(dispute), message: "Dispute \(dispute.caseNumber) opened")
            .response(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> Envelope<AdminDisputeView> {
        let dispute = try await DisputeService(context: req.callContext).dispute(
            try req.disputeId, for: try req.principal)
        let stake = try await DisputeMoney(context: req.callContext).stake(deliveryId: dispute.deliveryId)
        let currency = Currency(code: dispute.currency) ?? .eur
        return Envelope(
            AdminDisputeView(
                dispute: try DisputeResponse(dispute),
                atStake: stake.map { Money(amount: $0.total, currency: currency) },
                commission: stake.map { Money(amount: $0.commission, currency: currency) }))
    }

    @Sendable func assign(req: Request) async throws -> Envelope<DisputeResponse> {
        let input = try req.optionalBody(DisputeAssignInput.self, else: DisputeAssignInput())
        let dispute = try await DisputeService(context: req.callContext).assign(
            try req.disputeId, to: input.assigneeId, by: try req.principal)
        return Envelope(try DisputeResponse(dispute), message: "Dispute assigned")
    }

    @Sendable func resolve(req: Request) async throws -> Envelope<DisputeResponse> {
        let input = try req.content.decode(DisputeResolutionInput.self)
        let notes = input.notes?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard (1...5000).contains(notes.count) else {
            throw APIError.validation(["notes must be 1 to 5000 characters: both parties read the reasons"])
        }
        let dispute = try await DisputeService(context: req.callContext).resolve(
            try req.disputeId, input.resolution, customerAmount: input.customerAmount,
            travelerAmount: input.travelerAmount, notes: notes, by: try req.principal)
        return Envelope(try DisputeResponse(dispute), message: "Dispute \(dispute.caseNumber) resolved")
    }
}
