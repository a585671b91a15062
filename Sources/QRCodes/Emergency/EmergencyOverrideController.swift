import Fluent
import Foundation
import Platform
import Vapor

/// Emergency overrides: the parties request, cancel and use; admins decide, in bulk too, and watch the queue.
struct EmergencyOverrideController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let codes = routes.grouped("qr-codes").grouped(RoleGuard.authenticated)
        codes.post("emergency", use: request).doc(
            "Ask for a handoff to be proven without its code (an admin decides)", body: EmergencyOverrideInput.self,
            status: 201, also: [404])
        codes.post("emergency-override", use: request).doc(
            "Ask for a handoff to be proven without its code (an admin decides)", body: EmergencyOverrideInput.self,
            status: 201, also: [404])
        let emergency = codes.grouped("emergency")
        emergency.get("history", use: history).doc("Overrides on the signed-in member's deliveries, newest first")
        emergency.get("delivery", ":deliveryId", "status", use: deliveryStatus).doc("A delivery's overrides")
        let admin = emergency.grouped(RoleGuard.admin)
        admin.get("pending", use: pending).doc("Overrides waiting for a decision, oldest first (admins)")
        admin.get("statistics", use: statistics).doc("Overrides by status and type, approval rate (admins)")
        admin.get("queue-metrics", use: queueMetrics).doc("The pending queue's size and wait (admins)")
        admin.post("bulk-approve", use: bulkApprove).doc(
            "Approve several pending overrides at once (admins)", body: BulkApproveInput.self, also: [404])
        emergency.get(":overrideId", use: show).doc("One override (its alternative code for the requester)")
        emergency.post(":overrideId", "cancel", use: cancel).doc("Withdraw a pending request")
        emergency.post(":overrideId", "use", use: use).doc(
            "The traveler proves the handoff with the alternative code", body: OverrideUseInput.self)
        admin.post(":overrideId", "approve", use: approve).doc(
            "Approve: an alternative code valid 30 minutes (admins)", body: OverrideDecisionInput.self,
            bodyOptional: true)
        admin.post(":overrideId", "reject", use: reject).doc(
            "Reject with a reason (admins)", body: OverrideDecisionInput.self, rules: ["reason": .requiredReason])
    }

    @Sendable func request(req: Request) async throws -> Response {
        let input = try req.content.decode(EmergencyOverrideInput.self).validated()
        let context = req.callContext
        let override = try await EmergencyOverrides(context: context).request(input, by: try req.principal)
        return try await Envelope(try EmergencyOverrideResponse(override, code: nil), message: "Override requested")
            .response(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> Envelope<EmergencyOverrideResponse> {
        let overrides = EmergencyOverrides(context: req.callContext)
        let principal = try req.principal
        let override = try await overrides.visible(try req.overrideId, to: principal)
        return Envelope(
            try EmergencyOverrideResponse(override, code: overrides.alternativeCode(of: override, for: principal)))
    }

    @Sendable func cancel(req: Request) async throws -> Envelope<EmergencyOverrideResponse> {
        let override = try await EmergencyOverrides(context: req.callContext).cancel(
            try req.overrideId, by: try req.principal)
        return Envelope(try EmergencyOverrideResponse(override, code: nil), message: "Override cancelled")
    }

    @Sendable func use(req: Request) async throws -> Envelope<EmergencyOverrideResponse> {
        let input = try req.content.decode(OverrideUseInput.self)
        let override = try await EmergencyOverrides(context: req.callContext).use(
            try req.overrideId, code: input.alternativeCode, by: try req.principal)
        return Envelope(try EmergencyOverrideResponse(override, code: nil), message: "Handoff verified by override")
    }

    @Sendable func approve(req: Request) async throws -> Envelope<EmergencyOverrideResponse> {
        let input = try req.optionalBody(OverrideDecisionInput.self, else: OverrideDecisionInput())
        let approved = try await EmergencyOverrides(context: req.callContext).approve(
            [try req.overrideId], by: try req.principal, note: input.reason)
        return Envelope(
            try EmergencyOverrideResponse(approved[0].0, code: approved[0].1),
            message: "Approved: the alternative code is valid for 30 minutes")
    }

    @Sendable func reject(req: Request) async throws -> Envelope<EmergencyOverrideResponse> {
        let input = try req.optionalBody(OverrideDecisionInput.self, else: OverrideDecisionInput())
        let reason = try TextRules.reason(input.reason)
        let override = try await EmergencyOverrides(context: req.callContext).reject(
            try req.overrideId, by: try req.principal, reason: reason)
        return Envelope(try EmergencyOverrideResponse(override, code: nil), message: "Override rejected")
    }

    @Sendable func bulkApprove(req: Request) async throws -> Envelope<[EmergencyOverrideResponse]> {
        let input = try req.content.decode(BulkApproveInput.self)
        guard (1...100).contains(input.overrideIds.count) else {
            throw APIError.validation(["overrideIds must have 1 to 100 entries"])
        }
        let approved = try await EmergencyOverrides(context: req.callContext).approve(
            Array(Set(input.overrideIds)), by: try req.principal, note: input.reason)
        return Envelope(try approved.map { try EmergencyOverrideResponse($0.0, code: $0.1) })
    }

    @Sendable func history(req: Request) async throws -> Envelope<[EmergencyOverrideResponse]> {
        let userId = try req.principal.userId
        let codes = try await QRCodeRecord.query(on: req.db)
            .group(.or) { $0.filter(\.$holderId == userId).filter(\.$scannerId == userId) }.all()
        let page = try await QREmergencyOverride.query(on: req.db).filter(\.$qrCodeId ~~ codes.compactMap(\.id))
            .sort(\.$createdAt, .descending).page(try PageQuery(from: req))
        return .list(try page.map { try EmergencyOverrideResponse($0, code: nil) })
    }

    @Sendable func deliveryStatus(req: Request) async throws -> Envelope<[EmergencyOverrideResponse]> {
        let principal = try req.principal
        _ = try await QRCodeQueries(context: req.callContext).codes(
            of: try req.uuidParameter("deliveryId", else: QRCodeError.notFound), for: principal)
        let overrides = try await QREmergencyOverride.query(on: req.db)
            .filter(\.$deliveryId == req.uuidParameter("deliveryId", else: QRCodeError.notFound))
            .sort(\.$createdAt, .descending).all()
        return Envelope(try overrides.map { try EmergencyOverrideResponse($0, code: nil) })
    }

    @Sendable func pending(req: Request) async throws -> Envelope<[EmergencyOverrideResponse]> {
        let page = try await QREmergencyOverride.query(on: req.db).filter(\.$status == .pending)
            .sort(\.$createdAt).page(try PageQuery(from: req))
        return .list(try page.map { try EmergencyOverrideResponse($0, code: nil) })
    }

    @Sendable func statistics(req: Request) async throws -> Envelope<OverrideStatistics> {
        try await EmergencyOverrides(context: req.callContext).expireLapsed()
        let all = try await QREmergencyOverride.query(on: req.db).all()
        let decided = all.filter { $0.decidedAt != nil && $0.status != .cancelled }
        let approved = decided.filter { [.approved, .used, .expired].contains($0.status) }
        let waits = decided.compactMap { $0.decidedAt?.timeIntervalSince($0.createdAt) }
        return Envelope(
            OverrideStatistics(
                total: all.count, byStatus: Dictionary(grouping: all, by: \.status.rawValue).mapValues(\.count),
                byType: Dictionary(grouping: all, by: \.type.rawValue).mapValues(\.count),
                approvalRate: decided.isEmpty ? 0 : Double(approved.count) / Double(decided.count),
                averageDecisionSeconds: waits.isEmpty ? nil : waits.reduce(0, +) / Double(waits.count)))
    }

    @Sendable func queueMetrics(req: Request) async throws -> Envelope<OverrideQueueMetrics> {
        let now = req.callContext.now
        let pending = try await QREmergencyOverride.query(on: req.db).filter(\.$status == .pending)
            .sort(\.$createdAt).all()
        let decided = try await QREmergencyOverride.query(on: req.db)
            .filter(\.$decidedAt >= now.addingTimeInterval(-24 * 3600)).count()
        return Envelope(
            OverrideQueueMetrics(
                pending: pending.count, oldestWaitingSeconds: pending.first.map { now.timeIntervalSince($0.createdAt) },
                decidedLastDay: decided))
    }
}

extension Request {
    var overrideId: UUID {
        get throws { try uuidParameter("overrideId", else: QRCodeError.notFound) }
    }
}
