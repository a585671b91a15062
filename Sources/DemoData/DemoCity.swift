import Foundation
import Platform

/// A city trips and requests start or end in, with the airport that serves it (if one is within reach).
public struct DemoCity: Sendable {
    public var name: String
    public var countryCode: String
    public var country: String
    public var center: GeoPoint
    /// 1 for the largest city of the gazetteer; by Zipf's law for cities, size falls roughly as 1 / rank.
    public var rank: Int
    /// IATA code of the nearest major airport within `CityCatalogue.airportReachKm`.
    public var airportCode: String?
    public var airportPoint: GeoPoint?

    /// "Paris, France".
    public var label: String { "\(name), \(country)" }
}

/// The world's largest cities from the platform's offline gazetteer, largest first, each with its airport.
public struct CityCatalogue: Sendable {
    /// An airport farther than this from the centre does not serve the city.
    public static let airportReachKm = 60.0

    public let cities: [DemoCity]

    /// The `limit` largest cities of the gazetteer (1,679 in all).
    public init(limit: Int = .max) throws {
        let geocoder = try OfflineGeocoder()
        let airports = geocoder.places(kind: "airport").filter { !($0.iata ?? "").isEmpty }
        cities = geocoder.places(kind: "city").prefix(limit).enumerated().map { offset, place in
            let nearest = airports.min {
                $0.coordinates.distanceKm(to: place.coordinates) < $1.coordinates.distanceKm(to: place.coordinates)
            }
            let served = nearest.flatMap {
                $0.coordinates.distanceKm(to: place.coordinates) <= Self.airportReachKm ? $0 : nil
            }
            return DemoCity(
                name: place.name, countryCode: place.countryCode, country: place.country, center: place.coordinates,
                rank: offset + 1, airportCode: served?.iata, airportPoint: served?.coordinates)
        }
    }
}
