import Fluent
import Platform
import Vapor

/// A trip's capacity: status, fit checks, and the traveler setting space aside or giving it back.
struct CapacityController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let capacity = routes.grouped("trips", ":tripId", "capacity").grouped(RoleGuard.authenticated)
        capacity.get(use: status).doc("A trip's capacity: total, available, reserved")
        capacity.post("check", use: check).doc("Whether an item fits in what is free", body: CapacityAmountInput.self)
        capacity.post("reserve", use: reserve).doc(
            "Set capacity aside by hand (the trip's traveler)", body: CapacityAmountInput.self, status: 201)
        capacity.post("release", use: release).doc(
            "Give a manual reservation's capacity back (space held for a booked delivery is refused)",
            body: CapacityReleaseInput.self)
    }

    /// `GET /trips/{tripId}/capacity`
    @Sendable func status(req: Request) async throws -> Envelope<CapacityStatus> {
        Envelope(
            try await CapacityService(context: req.callContext).status(of: try req.typedTripId, for: try req.principal))
    }

    /// `POST /trips/{tripId}/capacity/check`
    @Sendable func check(req: Request) async throws -> Envelope<CapacityCheckResult> {
        let amount = try req.content.decode(CapacityAmountInput.self).amount()
        return Envelope(
            try await CapacityService(context: req.callContext).check(
                amount, on: try req.typedTripId, for: try req.principal))
    }

    /// `POST /trips/{tripId}/capacity/reserve`
    @Sendable func reserve(req: Request) async throws -> Response {
        let body = try req.content.decode(CapacityAmountInput.self)
        let reservation = try await CapacityService(context: req.callContext).reserve(
            try body.amount(), on: try req.typedTripId, note: body.note, by: try req.principal)
        return try await Envelope(try ReservationResponse(reservation), message: "Capacity reserved")
            .response(status: .created, for: req)
    }

    /// `POST /trips/{tripId}/capacity/release`
    @Sendable func release(req: Request) async throws -> Envelope<ReservationResponse> {
        let body = try req.content.decode(CapacityReleaseInput.self)
        let reservation = try await CapacityService(context: req.callContext).release(
            body, on: try req.typedTripId, by: try req.principal)
        return Envelope(try ReservationResponse(reservation), message: "Capacity released")
    }
}
