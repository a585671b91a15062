import Foundation

/// What a geocoder found for a query or a point.
public struct GeocodedPlace: Codable, Sendable, Hashable {
    /// Display name: "Paris" or "Paris Charles de Gaulle Airport".
    public var name: String
    /// "city" or "airport".
    public var kind: String
    /// ISO 3166-1 alpha-2 code ("XK" for Kosovo).
    public var countryCode: String
    public var country: String
    /// First-level administrative division (state, region, province), when known.
    public var region: String?
    /// IATA code of an airport.
    public var iata: String?
    public var coordinates: GeoPoint
    /// IANA timezone name, e.g. "Europe/Paris".
    public var timezone: String?
    /// "Paris, Île-de-France, France".
    public var formattedAddress: String
    /// How well the place answers the query, 0...1.
    public var confidence: Double

    /// Creates a place; `formattedAddress` defaults to name, region and country joined by commas.
    public init(
        name: String,
        kind: String,
        countryCode: String,
        country: String,
        region: String? = nil,
        iata: String? = nil,
        coordinates: GeoPoint,
        timezone: String? = nil,
        formattedAddress: String? = nil,
        confidence: Double = 1
    ) {
        self.name = name
        self.kind = kind
        self.countryCode = countryCode
        self.country = country
        self.region = region
        self.iata = iata
        self.coordinates = coordinates
        self.timezone = timezone
        self.formattedAddress = formattedAddress ?? GeocodedPlace.address(name: name, region: region, country: country)
        self.confidence = confidence
    }

    /// Joins the parts that add information: "Singapore" rather than "Singapore, Singapore".
    static func address(name: String, region: String?, country: String) -> String {
        var parts = [name]
        for part in [region, country] {
            guard let part, !part.isEmpty, !parts.contains(part) else { continue }
            parts.append(part)
        }
        return parts.joined(separator: ", ")
    }
}

/// Turns free-form text into places and points into places.
public protocol Geocoder: Sendable {
    /// Places matching `query`, best first; empty when nothing matches.
    func geocode(_ query: String, limit: Int) async throws -> [GeocodedPlace]
    /// The place a point lies in or next to, or nil when nothing known is close.
    func reverseGeocode(_ point: GeoPoint) async throws -> GeocodedPlace?
}

extension Geocoder {
    /// The five best places matching `query`.
    public func geocode(_ query: String) async throws -> [GeocodedPlace] {
        try await geocode(query, limit: 5)
    }
}
