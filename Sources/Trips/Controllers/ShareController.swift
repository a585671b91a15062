import Fluent
import Platform
import Vapor

/// Share links for trips and trip exports.
struct ShareController: RouteCollection {
    struct ShareRequest: Content {
        /// How long the link works: 1 to 720 hours, 168 (a week) by default.
        var expiresInHours: Int?
    }

    func boot(routes: any RoutesBuilder) throws {
        let trips = routes.grouped("trips")
        let members = trips.grouped(RoleGuard.authenticated)
        members.post(":tripId", "share", use: share)
            .doc(
                "A signed link that shows the trip to anyone holding it (its traveler)", body: ShareRequest.self,
                bodyOptional: true)
        trips.get("shared", ":token", use: shared).doc("A trip opened through a share link", auth: false)
        members.get(":tripId", "export", use: export)
            .doc(
                "The trip, its reservations and its history as JSON, or CSV with ?format=csv (its traveler or an admin)"
            )
    }

    /// `POST /trips/{tripId}/share`
    @Sendable func share(req: Request) async throws -> Envelope<ShareLinkResponse> {
        let body = try req.optionalBody(ShareRequest.self, else: ShareRequest())
        let link = try await TripSharing(context: req.callContext).share(
            try req.tripId, by: try req.principal, hours: body.expiresInHours)
        return Envelope(link, message: "Share link created")
    }

    /// `GET /trips/shared/{token}`
    @Sendable func shared(req: Request) async throws -> Envelope<SharedTripResponse> {
        let (trip, expiresAt) = try await TripSharing(context: req.callContext).sharedTrip(
            token: req.parameters.get("token") ?? "")
        let response = try await TripService(context: req.callContext).response(trip, viewer: nil)
        return Envelope(SharedTripResponse(trip: response, sharedUntil: expiresAt))
    }

    /// `GET /trips/{tripId}/export?format=json|csv`
    @Sendable func export(req: Request) async throws -> Response {
        let format = (try req.query.get(String?.self, at: "format"))?.lowercased() ?? "json"
        guard format == "json" || format == "csv" else { throw APIError.validation(["format must be json or csv"]) }
        let export = try await TripExport(context: req.callContext).export(try req.tripId, by: try req.principal)
        guard format == "csv" else { return try await Envelope(export).encodeResponse(for: req) }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"trip-\(export.trip.id.uuidString.lowercased()).csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: TripExportCSV.render(export)))
    }
}

extension ShareController.ShareRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        ["expiresInHours": .integer(1...Int64(TripSharing.maxLifetimeHours))]
    }
}
