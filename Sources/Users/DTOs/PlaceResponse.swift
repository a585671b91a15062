import Foundation
import Platform
import Vapor

/// A place found by the geocoder.
public struct PlaceResponse: Content, Sendable {
    public var name: String
    /// `city` or `airport`.
    public var kind: String
    public var countryCode: String
    public var country: String
    public var region: String?
    public var iata: String?
    public var coordinates: GeoPoint
    public var timezone: String?
    public var formattedAddress: String
    /// How well the place answers the query, 0…1.
    public var confidence: Double

    init(_ place: GeocodedPlace) {
        name = place.name
        kind = place.kind
        countryCode = place.countryCode
        country = place.country
        region = place.region
        iata = place.iata
        coordinates = place.coordinates
        timezone = place.timezone
        formattedAddress = place.formattedAddress
        confidence = place.confidence
    }
}
