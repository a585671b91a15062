import Fluent
import Platform
import Vapor

/// Geocoding for signed-in users, and the admin search of addresses near a point.
struct GeocodingController: RouteCollection {
    struct GeocodeRequest: Content {
        /// Free text: an address, a city, an airport name or IATA code.
        var address: String
        /// 1 to 20, 5 by default.
        var limit: Int?
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users")
        let signedIn = users.grouped(RoleGuard.authenticated)
        signedIn.post("geocode", use: geocode).doc("Places matching an address, best first", body: GeocodeRequest.self)
        signedIn.get("reverse-geocode", use: reverseGeocode).doc(
            "The place at a point", also: [404], query: Self.pointQuery)
        signedIn.post("validate-address", use: validate)
            .doc("Check an address and locate it", body: AddressInput.self)
        users.grouped(RoleGuard.admin).get("nearby-addresses", use: nearby)
            .doc(
                "Saved addresses within a radius of a point (admin)",
                query: Self.pointQuery.merging(["radiusKm": .number(above: 0, upTo: 500)]) { $1 })
    }

    /// What `point(_:)` reads.
    static let pointQuery: [String: FieldRule] = [
        "lat": FieldRule.number(-90...90).required, "lng": FieldRule.number(-180...180).required,
    ]

    /// `POST /users/geocode`
    @Sendable func geocode(req: Request) async throws -> Envelope<[GeocodedPlace]> {
        let input = try req.content.decode(GeocodeRequest.self)
        var check = RuleCheck()
        check.require((1...300).contains(input.address.trimmed.count), "address must be 1 to 300 characters")
        check.require((1...20).contains(input.limit ?? 5), "limit must be between 1 and 20")
        try check.throwIfBroken()
        let places = try await req.application.geocoder.geocode(input.address.trimmed, limit: input.limit ?? 5)
        return Envelope(places)
    }

    /// `GET /users/reverse-geocode`
    @Sendable func reverseGeocode(req: Request) async throws -> Envelope<GeocodedPlace> {
        let point = try Self.point(req)
        guard let place = try await req.application.geocoder.reverseGeocode(point) else {
            throw APIError(.notFound, code: "PLACE_NOT_FOUND", reason: "No known place near this point")
        }
        return Envelope(place)
    }

    /// `POST /users/validate-address`
    @Sendable func validate(req: Request) async throws -> Envelope<AddressValidation> {
        let input = try req.content.decode(AddressInput.self)
        return Envelope(try await AddressValidation.check(input, geocoder: req.application.geocoder))
    }

    /// `GET /users/nearby-addresses`
    @Sendable func nearby(req: Request) async throws -> Envelope<[NearbyAddressResponse]> {
        let point = try Self.point(req)
        let radius = try req.query.get(Double?.self, at: "radiusKm") ?? 10
        guard radius > 0, radius <= 500 else {
            throw APIError.validation(["radiusKm must be more than 0 and at most 500"])
        }
        return .list(
            try await NearbyAddresses(db: req.db).search(
                around: point, radiusKm: radius, page: try PageQuery(from: req)))
    }

    /// `?lat=&lng=` as a valid point; every problem is reported at once.
    static func point(_ req: Request) throws -> GeoPoint {
        let lat = try? req.query.get(Double?.self, at: "lat")
        let lng = try? req.query.get(Double?.self, at: "lng")
        var check = RuleCheck()
        check.require(lat.flatMap { $0 }.map { (-90...90).contains($0) } == true, "lat must be a number from -90 to 90")
        check.require(
            lng.flatMap { $0 }.map { (-180...180).contains($0) } == true, "lng must be a number from -180 to 180")
        try check.throwIfBroken()
        guard let lat = lat ?? nil, let lng = lng ?? nil else { throw APIError.validation(check.problems) }
        return GeoPoint(lat: lat, lng: lng)
    }
}

extension GeocodingController.GeocodeRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] { ["address": .text(1...300), "limit": .integer(1...20)] }
}
