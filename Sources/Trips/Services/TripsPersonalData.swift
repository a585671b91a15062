import Fluent
import Platform
import Vapor

/// What the Trips module holds about a user, for export and erasure (section `trips`).
///
/// Erasure deletes the user's templates, cancels the user's upcoming and active trips (which cancels their deliveries not yet picked up;
/// a trip carrying items refuses, so an account cannot vanish with someone's parcel) and reduces every trip's
/// addresses to the nearest city, dropping descriptions, place details and preferences. The trips stay, as
/// the history of the deliveries other members took part in.
enum TripsPersonalData {
    static var section: PersonalDataRegistry.Section {
        PersonalDataRegistry.Section(name: "trips", export: export, erase: erase)
    }

    @Sendable static func export(userId: UUID, db: any Database) async throws -> JSONValue {
        let trips = try await Trip.query(on: db).filter(\.$traveler.$id == userId).sort(\.$departureTime).all()
        let templates = try await TripTemplate.query(on: db).filter(\.$user.$id == userId).sort(\.$createdAt).all()
        return .object([
            "trips": try JSONValue.from(trips.map { try TripResponse($0, viewer: userId) }),
            "templates": try JSONValue.from(templates.map { try TemplateResponse($0, viewer: userId) }),
        ])
    }

    @Sendable static func erase(userId: UUID, context: CallContext) async throws {
        let db = context.db
        try await TripTemplate.query(on: db).filter(\.$user.$id == userId).delete()
        let trips = try await Trip.query(on: db).filter(\.$traveler.$id == userId).all()
        let lifecycle = TripLifecycle(context: context)
        for trip in trips {
            if trip.status.isLive {
                try await lifecycle.move(
                    trip, to: .cancelled, actor: userId, reason: "The traveler's account was deleted")
            }
            trip.originAddress = try await city(near: trip.originCoordinates, context: context)
            trip.destinationAddress = try await city(near: trip.destinationCoordinates, context: context)
            trip.description = nil
            trip.originDetails = nil
            trip.destinationDetails = nil
            trip.preferences = [:]
            try await trip.save(on: db)
        }
    }

    private static func city(near point: GeoPoint, context: CallContext) async throws -> String {
        try await context.geocoder.reverseGeocode(point)?.formattedAddress ?? "[erased]"
    }
}
