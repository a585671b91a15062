import Fluent
import Platform
import Vapor

/// Creating, reading, listing and editing trips.
struct TripController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let trips = routes.grouped("trips").grouped(RoleGuard.authenticated)
        let travelers = routes.grouped("trips").grouped(RoleGuard.traveler)
        travelers.post(use: create).doc(
            "Create a trip (recurring trips create their repetitions)", body: TripInput.self, status: 201,
            requiring: TripInput.requiredOnCreation)
        trips.get("my-trips", use: myTrips).doc("The signed-in traveler's trips, soonest first (?status=)")
        trips.get(":tripId", use: show).doc("One trip")
        trips.put(":tripId", use: update).doc(
            "Update a trip's schedule, capacity, pricing or restrictions", body: TripInput.self)
    }

    /// `POST /trips`
    @Sendable func create(req: Request) async throws -> Response {
        let input = try req.content.decode(TripInput.self)
        let principal = try req.principal
        let service = TripService(context: req.callContext)
        let trip = try await service.create(input, by: principal.userId)
        let message = trip.isRecurring ? "Recurring trip created" : "Trip created"
        return try await Envelope(try await service.response(trip, viewer: principal.userId), message: message)
            .response(status: .created, for: req)
    }

    /// `GET /trips/my-trips`
    @Sendable func myTrips(req: Request) async throws -> Envelope<[TripResponse]> {
        let parsed = try req.filter("status", as: TripStatus.self)
        let principal = try req.principal
        let service = TripService(context: req.callContext)
        let page = try await service.trips(of: principal.userId, status: parsed, page: try PageQuery(from: req))
        let responses = try await service.responses(page.items, viewer: principal.userId)
        return Envelope(responses, pagination: page.pagination)
    }

    /// `GET /trips/{tripId}`
    @Sendable func show(req: Request) async throws -> Envelope<TripResponse> {
        let service = TripService(context: req.callContext)
        let principal = try req.principal
        let trip = try await service.visibleTrip(try req.tripId, to: principal)
        return Envelope(try await service.response(trip, viewer: principal.userId))
    }

    /// `PUT /trips/{tripId}`
    @Sendable func update(req: Request) async throws -> Envelope<TripResponse> {
        let input = try req.content.decode(TripInput.self)
        let principal = try req.principal
        let service = TripService(context: req.callContext)
        let trip = try await service.update(try req.tripId, with: input, by: principal)
        return Envelope(try await service.response(trip, viewer: principal.userId), message: "Trip updated")
    }
}

extension Request {
    /// The `{tripId}` path parameter; a malformed id is a trip that does not exist.
    var tripId: UUID {
        get throws {
            guard let raw = parameters.get("tripId"), let id = UUID(uuidString: raw) else {
                throw TripsError.tripNotFound
            }
            return id
        }
    }
}

extension Request {
    /// The `{tripId}` path parameter, typed.
    var typedTripId: TripID {
        get throws { TripID(try tripId) }
    }
}
