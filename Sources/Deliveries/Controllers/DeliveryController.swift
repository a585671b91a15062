import Fluent
import Platform
import Vapor

/// Deliveries for their customer and traveler: list, read, history, move, cancel.
struct DeliveryController: RouteCollection {
    struct StatusInput: Content {
        /// The status to move to (`pickup_ready`, `picked_up`, `in_transit`, `delivered`, `completed`, `disputed`).
        var status: String
        var reason: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let deliveries = routes.grouped("deliveries").grouped(RoleGuard.authenticated)
        deliveries.get(use: list).doc("The signed-in user's deliveries (?role=customer|traveler, ?status=)")
        deliveries.get(":deliveryId", use: show).doc("One delivery (its customer, traveler or an admin)")
        deliveries.get(":deliveryId", "history", use: history).doc("Every status change: who, when, from, to and why")
        deliveries.post(":deliveryId", "status", use: move).doc(
            "Move a delivery along its lifecycle", body: StatusInput.self)
        deliveries.post(":deliveryId", "cancel", use: cancel).doc(
            "Cancel a delivery before pickup, with a reason", body: ReasonInput.self,
            rules: ["reason": .requiredReason])
    }

    @Sendable func list(req: Request) async throws -> Envelope<[DeliveryResponse]> {
        let role = try req.query.get(String?.self, at: "role").map { raw in
            guard let role = DeliveryStatus.Actor(rawValue: raw), role == .customer || role == .traveler else {
                throw APIError.validation(["role must be customer or traveler"])
            }
            return role
        }
        let status = try req.filter("status", as: DeliveryStatus.self)
        let page = try await DeliveryService(context: req.callContext).deliveries(
            of: try req.principal.userId, role: role, status: status, page: try PageQuery(from: req))
        return Envelope(try page.items.map(DeliveryResponse.init), pagination: page.pagination)
    }

    @Sendable func show(req: Request) async throws -> Envelope<DeliveryResponse> {
        let (delivery, _) = try await DeliveryService(context: req.callContext).partyDelivery(
            try req.deliveryId.uuid, for: try req.principal)
        return Envelope(try DeliveryResponse(delivery))
    }

    @Sendable func history(req: Request) async throws -> Envelope<[DeliveryEventResponse]> {
        let service = DeliveryService(context: req.callContext)
        let (delivery, _) = try await service.partyDelivery(try req.deliveryId.uuid, for: try req.principal)
        return Envelope(try await service.history(of: delivery).map(DeliveryEventResponse.init))
    }

    @Sendable func move(req: Request) async throws -> Envelope<DeliveryResponse> {
        let body = try req.content.decode(StatusInput.self)
        guard let next = DeliveryStatus(rawValue: body.status) else {
            throw APIError.validation([
                "status must be one of \(DeliveryStatus.allCases.map(\.rawValue).joined(separator: ", "))"
            ])
        }
        let reason = body.reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        var check = RuleCheck()
        check.require((reason?.count ?? 0) <= 500, "reason must be at most 500 characters")
        check.require(next != .cancelled, "use POST /deliveries/{id}/cancel to cancel")
        check.require(next != .disputed, "use POST /deliveries/{id}/disputes to open a dispute")
        let principal = try req.principal
        check.require(
            !principal.isAdmin || ![.pickedUp, .delivered].contains(next) || !(reason ?? "").isEmpty,
            "reason is required to record a handoff without its code")
        try check.throwIfBroken()
        let delivery = try await DeliveryService(context: req.callContext).move(
            try req.deliveryId, to: next, reason: reason?.isEmpty == true ? nil : reason, by: try req.principal)
        return Envelope(try DeliveryResponse(delivery), message: "Delivery is now \(next.rawValue)")
    }

    @Sendable func cancel(req: Request) async throws -> Envelope<DeliveryResponse> {
        let body = try req.optionalBody(ReasonInput.self, else: ReasonInput())
        let reason = try TextRules.reason(body.reason)
        let delivery = try await DeliveryService(context: req.callContext).move(
            try req.deliveryId, to: .cancelled, reason: reason, by: try req.principal)
        return Envelope(try DeliveryResponse(delivery), message: "Delivery cancelled")
    }
}

extension Request {
    var deliveryId: DeliveryID {
        get throws {
            guard let raw = parameters.get("deliveryId"), let id = UUID(uuidString: raw) else {
                throw DeliveriesError.deliveryNotFound
            }
            return DeliveryID(id)
        }
    }
}

extension DeliveryController.StatusInput: DocumentedFields {
    /// Cancelling has a route of its own, which asks for a reason.
    static var fieldRules: [String: FieldRule] {
        [
            "status": .oneOf(DeliveryStatus.allCases.filter { $0 != .cancelled }.map(\.rawValue)),
            "reason": .text(upTo: 500).described("required to open a dispute"),
        ]
    }
}
