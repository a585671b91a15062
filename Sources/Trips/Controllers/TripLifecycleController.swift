import Fluent
import Platform
import Vapor

/// Starting, completing, cancelling and duplicating trips.
struct TripLifecycleController: RouteCollection {
    struct CancelRequest: Content {
        var reason: String?
    }

    struct StatusRequest: Content {
        /// `active`, `completed` or `cancelled`.
        var status: String
        var reason: String?
    }

    struct DuplicateRequest: Content {
        var departureTime: String?
        var arrivalTime: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let trips = routes.grouped("trips", ":tripId").grouped(RoleGuard.authenticated)
        trips.post("start", use: start).doc("Start a trip (upcoming → active)")
        trips.post("complete", use: complete).doc("Complete a trip (active → completed)")
        trips.post("cancel", use: cancel).doc(
            "Cancel a trip with a reason", body: CancelRequest.self, rules: ["reason": .requiredReason])
        trips.post("status", use: status).doc("Move a trip to a status", body: StatusRequest.self)
        trips.post("duplicate", use: duplicate)
            .doc(
                "Copy a trip onto a new schedule (a week later by default)", body: DuplicateRequest.self, status: 201,
                bodyOptional: true)
    }

    @Sendable func start(req: Request) async throws -> Envelope<TripResponse> {
        try await move(req, to: .active, reason: nil, message: "Trip started")
    }

    @Sendable func complete(req: Request) async throws -> Envelope<TripResponse> {
        try await move(req, to: .completed, reason: nil, message: "Trip completed")
    }

    @Sendable func cancel(req: Request) async throws -> Envelope<TripResponse> {
        let body = try req.optionalBody(CancelRequest.self, else: CancelRequest())
        return try await move(req, to: .cancelled, reason: try TextRules.reason(body.reason), message: "Trip cancelled")
    }

    @Sendable func status(req: Request) async throws -> Envelope<TripResponse> {
        let body = try req.content.decode(StatusRequest.self)
        guard let next = TripStatus(rawValue: body.status), next != .upcoming else {
            throw APIError.validation(["status must be one of active, completed, cancelled"])
        }
        let reason = next == .cancelled ? try TextRules.reason(body.reason) : nil
        return try await move(req, to: next, reason: reason, message: "Trip is now \(next.rawValue)")
    }

    @Sendable func duplicate(req: Request) async throws -> Response {
        let body = try req.optionalBody(DuplicateRequest.self, else: DuplicateRequest())
        let principal = try req.principal
        let service = TripService(context: req.callContext)
        let original = try await service.ownedTrip(try req.tripId, by: principal, on: req.db)
        let copy = try await TripDuplication(context: req.callContext).duplicate(
            original, departure: body.departureTime, arrival: body.arrivalTime)
        return try await Envelope(
            try await service.response(copy, viewer: principal.userId), message: "Trip duplicated"
        )
        .response(status: .created, for: req)
    }

    private func move(
        _ req: Request, to next: TripStatus, reason: String?, message: String
    ) async throws
        -> Envelope<TripResponse>
    {
        let principal = try req.principal
        let service = TripService(context: req.callContext)
        let trip = try await service.move(try req.tripId, to: next, by: principal, reason: reason)
        return Envelope(try await service.response(trip, viewer: principal.userId), message: message)
    }

}

extension TripLifecycleController.StatusRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        [
            "status": .oneOf(["active", "completed", "cancelled"]),
            "reason": .text(1...500).described("required when the status is cancelled"),
        ]
    }
}
