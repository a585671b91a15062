import Fluent
import Platform
import Vapor

/// A trip's capacity: status, fit checks, and the traveler setting space aside or giving it back.
struct CapacityController: RouteCollection {
    struct AmountRequest: Content {
        /// Kilograms.
        var weight: Double
        /// Litres; 0 when absent.
        var volume: Double?
        /// 1 when absent.
        var items: Int?
        /// What the space is for (reserve only).
        var note: String?
        var deliveryId: UUID?
    }

    struct ReleaseRequest: Content {
        var reservationId: UUID?
        var deliveryId: UUID?
    }

    struct CapacityStatus: Content {
        var tripId: UUID
        var status: TripStatus
        var capacity: CapacityAmount
        var available: CapacityAmount
        var reserved: CapacityAmount
        /// Share of the weight capacity in use, 0…1.
        var utilization: Double
        var bookable: Bool
        /// Held reservations; shown to the trip's traveler only.
        var reservations: [ReservationResponse]?
    }

    struct CheckResult: Content {
        var fits: Bool
        var bookable: Bool
        var requested: CapacityAmount
        var available: CapacityAmount
        var shortfalls: [String]
    }

    struct ReservationResponse: Content {
        var id: UUID
        var tripId: UUID
        var deliveryId: UUID?
        var amount: CapacityAmount
        var status: String
        var note: String?
        var createdAt: Date
        var releasedAt: Date?

        init(_ reservation: CapacityReservation) throws {
            id = try reservation.requireID()
            tripId = reservation.$trip.id
            deliveryId = reservation.deliveryId
            amount = reservation.amount
            status = reservation.status.rawValue
            note = reservation.note
            createdAt = reservation.createdAt
            releasedAt = reservation.releasedAt
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        let capacity = routes.grouped("trips", ":tripId", "capacity").grouped(RoleGuard.authenticated)
        capacity.get(use: status).doc("A trip's capacity: total, available, reserved")
        capacity.post("check", use: check).doc("Whether an item fits in what is free", body: AmountRequest.self)
        capacity.post("reserve", use: reserve).doc(
            "Set capacity aside (the trip's traveler)", body: AmountRequest.self, status: 201)
        capacity.post("release", use: release).doc("Give a reservation's capacity back", body: ReleaseRequest.self)
    }

    @Sendable func status(req: Request) async throws -> Envelope<CapacityStatus> {
        let principal = try req.principal
        let trip = try await TripService(context: req.callContext).visibleTrip(try req.tripId, to: principal)
        var reservations: [ReservationResponse]?
        if trip.$traveler.id == principal.userId || principal.isAdmin {
            reservations = try await CapacityReservation.query(on: req.db).filter(\.$trip.$id == trip.requireID())
                .filter(\.$status == .held).sort(\.$createdAt).all().map(ReservationResponse.init)
        }
        return Envelope(
            CapacityStatus(
                tripId: try trip.requireID(), status: trip.status,
                capacity: CapacityAmount(
                    weight: trip.weightCapacity, volume: trip.volumeCapacity, items: trip.itemCapacity),
                available: trip.available,
                reserved: CapacityAmount(
                    weight: trip.reservedWeight.roundedCapacity, volume: trip.reservedVolume.roundedCapacity,
                    items: trip.reservedItems),
                utilization: trip.weightCapacity > 0
                    ? (trip.reservedWeight / trip.weightCapacity * 1000).rounded() / 1000 : 0,
                bookable: trip.status == .upcoming, reservations: reservations))
    }

    @Sendable func check(req: Request) async throws -> Envelope<CheckResult> {
        let amount = try Self.amount(try req.content.decode(AmountRequest.self))
        let trip = try await TripService(context: req.callContext).visibleTrip(try req.tripId, to: try req.principal)
        let shortfalls = TripCapacity.check(amount, against: trip)
        return Envelope(
            CheckResult(
                fits: shortfalls.isEmpty && trip.status == .upcoming, bookable: trip.status == .upcoming,
                requested: amount, available: trip.available, shortfalls: shortfalls))
    }

    @Sendable func reserve(req: Request) async throws -> Response {
        let body = try req.content.decode(AmountRequest.self)
        let amount = try Self.amount(body)
        let note = body.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (note?.count ?? 0) <= 200 else { throw APIError.validation(["note must be at most 200 characters"]) }
        let principal = try req.principal
        let id = try req.tripId
        let reservation = try await req.db.transaction { db in
            _ = try await TripService(context: req.callContext).ownedTrip(id, by: principal, on: db)
            return try await TripCapacity.reserve(
                amount, on: id, for: body.deliveryId, by: principal.userId, note: note, db: db, now: req.now)
        }
        return try await Envelope(try ReservationResponse(reservation), message: "Capacity reserved")
            .response(status: .created, for: req)
    }

    @Sendable func release(req: Request) async throws -> Envelope<ReservationResponse> {
        let body = try req.content.decode(ReleaseRequest.self)
        guard (body.reservationId == nil) != (body.deliveryId == nil) else {
            throw APIError.validation(["give exactly one of reservationId or deliveryId"])
        }
        let principal = try req.principal
        let id = try req.tripId
        let reservation = try await req.db.transaction { db in
            _ = try await TripService(context: req.callContext).ownedTrip(id, by: principal, on: db)
            let query = CapacityReservation.query(on: db).filter(\.$trip.$id == id).filter(\.$status == .held)
            if let reservationId = body.reservationId { query.filter(\.$id == reservationId) }
            if let deliveryId = body.deliveryId { query.filter(\.$deliveryId == deliveryId) }
            guard let reservation = try await query.first() else { throw TripsError.reservationNotFound }
            try await TripCapacity.release(reservation, db: db, now: req.now)
            reservation.status = .released
            reservation.releasedAt = req.now
            return reservation
        }
        return Envelope(try ReservationResponse(reservation), message: "Capacity released")
    }

    static func amount(_ body: AmountRequest) throws -> CapacityAmount {
        var check = RuleCheck()
        check.require(body.weight >= 0 && body.weight <= 500, "weight must be between 0 and 500 kg")
        check.require((body.volume ?? 0) >= 0 && (body.volume ?? 0) <= 2000, "volume must be between 0 and 2000 litres")
        check.require((1...50).contains(body.items ?? 1), "items must be between 1 and 50")
        check.require(body.weight > 0 || (body.volume ?? 0) > 0, "weight or volume must be more than 0")
        try check.throwIfBroken()
        return CapacityAmount(
            weight: body.weight.roundedCapacity, volume: (body.volume ?? 0).roundedCapacity, items: body.items ?? 1)
    }
}
