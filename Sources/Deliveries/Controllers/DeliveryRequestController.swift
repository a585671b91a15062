import Fluent
import Platform
import Vapor

/// Customers' delivery requests: post, read, edit, cancel, copy, match, report.
struct DeliveryRequestController: RouteCollection {
    struct FindMatchesInput: Content {
        /// Kilometres around the pickup and drop-off; 50 by default, at most 200.
        var radiusKm: Double?
    }

    struct FindMatchesResponse: Content {
        var requestId: UUID
        var radiusKm: Double
        var matches: [MatchResponse]
        /// The instant offer that meets the request's auto-accept price, whose payment with the saved card has been
        /// queued: the delivery is booked when it succeeds.
        var autoAcceptingOfferId: UUID?
    }

    struct ReportInput: Content {
        /// `prohibited_item`, `suspected_fraud`, `misleading`, `inappropriate`, `spam` or `other`.
        var reason: String
        var description: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let requests = routes.grouped("delivery-requests").grouped(RoleGuard.authenticated)
        requests.grouped(RoleGuard.customer).grouped(IdempotencyMiddleware())
            .post(use: create).doc(
                "Post a delivery request (honours Idempotency-Key)", body: DeliveryRequestInput.self, status: 201,
                requiring: DeliveryRequestInput.requiredOnCreation)
        requests.get("my-requests", use: mine).doc("The signed-in customer's requests, newest first (?status=)")
        requests.get(":requestId", use: show).doc("One delivery request")
        requests.put(":requestId", use: update).doc("Edit a pending request", body: DeliveryRequestInput.self)
        requests.post(":requestId", "cancel", use: cancel).doc(
            "Cancel a pending request", body: ReasonInput.self, rules: ["reason": .requiredReason])
        requests.post(":requestId", "duplicate", use: duplicate)
            .doc(
                "Post a copy of a request, with overrides such as new time windows", body: DeliveryRequestInput.self,
                status: 201, bodyOptional: true)
        requests.post(":requestId", "find-matches", use: findMatches)
            .doc(
                "Trips that fit the request, best first, with the score breakdown", body: FindMatchesInput.self,
                bodyOptional: true)
        requests.post(":requestId", "report", use: report).doc(
            "Report a request to moderation", body: ReportInput.self, status: 201)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let input = try req.content.decode(DeliveryRequestInput.self)
        let principal = try req.principal
        let service = DeliveryRequestService(context: req.callContext)
        let request = try await service.create(input, by: principal.user)
        return try await Envelope(
            try await service.response(request, viewer: principal), message: "Delivery request created"
        )
        .response(status: .created, for: req)
    }

    @Sendable func mine(req: Request) async throws -> Envelope<[DeliveryRequestResponse]> {
        let status = try req.filter("status", as: DeliveryRequestStatus.self)
        let principal = try req.principal
        let service = DeliveryRequestService(context: req.callContext)
        let page = try await service.requests(of: principal.userId, status: status, page: try PageQuery(from: req))
        return Envelope(try await service.responses(page.items, viewer: principal), pagination: page.pagination)
    }

    @Sendable func show(req: Request) async throws -> Envelope<DeliveryRequestResponse> {
        let principal = try req.principal
        let service = DeliveryRequestService(context: req.callContext)
        let request = try await service.visibleRequest(try req.deliveryRequestId, to: principal)
        return Envelope(try await service.response(request, viewer: principal))
    }

    @Sendable func update(req: Request) async throws -> Envelope<DeliveryRequestResponse> {
        let input = try req.content.decode(DeliveryRequestInput.self)
        let principal = try req.principal
        let service = DeliveryRequestService(context: req.callContext)
        let request = try await service.update(try req.deliveryRequestId, with: input, by: principal)
        return Envelope(try await service.response(request, viewer: principal), message: "Delivery request updated")
    }

    @Sendable func cancel(req: Request) async throws -> Envelope<DeliveryRequestResponse> {
        let body = try req.optionalBody(ReasonInput.self, else: ReasonInput())
        let principal = try req.principal
        let service = DeliveryRequestService(context: req.callContext)
        let request = try await service.cancel(
            try req.deliveryRequestId, reason: try TextRules.reason(body.reason), by: principal)
        return Envelope(try await service.response(request, viewer: principal), message: "Delivery request cancelled")
    }

    @Sendable func duplicate(req: Request) async throws -> Response {
        let overrides =
            try req.optionalBody(DeliveryRequestInput.self, else: DeliveryRequestInput())
        let principal = try req.principal
        let service = DeliveryRequestService(context: req.callContext)
        let original = try await service.ownRequest(try req.deliveryRequestId, by: principal, on: req.db)
        let copy = try await service.duplicate(original, overrides: overrides, by: principal)
        return try await Envelope(
            try await service.response(copy, viewer: principal), message: "Delivery request duplicated"
        )
        .response(status: .created, for: req)
    }

    @Sendable func findMatches(req: Request) async throws -> Envelope<FindMatchesResponse> {
        let body = try req.optionalBody(FindMatchesInput.self, else: FindMatchesInput())
        let radius = body.radiusKm ?? MatchService.defaultRadiusKm
        guard radius > 0, radius <= MatchService.maxRadiusKm else {
            throw APIError.validation(["radiusKm must be more than 0 and at most \(Int(MatchService.maxRadiusKm))"])
        }
        let outcome = try await MatchService(context: req.callContext).findMatches(
            requestId: try req.deliveryRequestId.uuid, by: try req.principal, radiusKm: radius)
        let message =
            outcome.autoAcceptingOfferId.map { _ in
                "An instant offer meets your auto-accept price: your card is being charged"
            }
            ?? (outcome.matches.isEmpty ? "No trips fit this request yet" : "\(outcome.matches.count) matching trips")
        return Envelope(
            FindMatchesResponse(
                requestId: outcome.requestId, radiusKm: radius, matches: outcome.matches,
                autoAcceptingOfferId: outcome.autoAcceptingOfferId),
            message: message)
    }

    @Sendable func report(req: Request) async throws -> Response {
        let body = try req.content.decode(ReportInput.self)
        guard let reason = DeliveryRequestReport.Reason(rawValue: body.reason) else {
            throw APIError.validation([
                "reason must be one of \(DeliveryRequestReport.Reason.allCases.map(\.rawValue).joined(separator: ", "))"
            ])
        }
        let description = body.description?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (description?.count ?? 0) <= 1000 else {
            throw APIError.validation(["description must be at most 1000 characters"])
        }
        let principal = try req.principal
        let request = try await DeliveryRequestService(context: req.callContext).visibleRequest(
            try req.deliveryRequestId, to: principal)
        try await RequestReporting(context: req.callContext).report(
            request, reason: reason, description: description, by: principal.userId)
        return try await Envelope<Empty>.message("Thank you: the request was reported to moderation")
            .response(status: .created, for: req)
    }

}

extension Request {
    /// The `{requestId}` path parameter; a malformed id is a request that does not exist.
    var deliveryRequestId: DeliveryRequestID {
        get throws {
            guard let raw = parameters.get("requestId"), let id = UUID(uuidString: raw) else {
                throw DeliveriesError.requestNotFound
            }
            return DeliveryRequestID(id)
        }
    }
}

extension DeliveryRequestController.FindMatchesInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] { ["radiusKm": .number(above: 0, upTo: MatchService.maxRadiusKm)] }
}

extension DeliveryRequestController.ReportInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        ["reason": .oneOf(DeliveryRequestReport.Reason.self), "description": .text(upTo: 1000)]
    }
}
