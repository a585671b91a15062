import Foundation
import Platform
import Vapor

/// The verdict of `POST /users/validate-address`: whether the address can be saved, and where it is.
struct AddressValidation: Content, Sendable {
    var valid: Bool
    /// Every reason the address would be refused or looks wrong.
    var problems: [String]
    /// The place the geocoder matched, when it found one in the address's country.
    var match: GeocodedPlace?
    /// The coordinates that saving would use: the given ones, else the matched place's.
    var coordinates: GeoPoint?
    /// Distance between given coordinates and the matched place.
    var distanceKm: Double?

    /// Given coordinates this far from the matched city are probably a typo in one or the other.
    static let plausibleDistanceKm = 100.0

    static func check(
        _ input: AddressInput, geocoder: any Geocoder
    ) async throws -> AddressValidation {
        var problems = AddressRules.problems(input, creating: true)
        var match: GeocodedPlace?
        if let city = input.city?.trimmed, !city.isEmpty, let country = input.country?.trimmed,
            AddressRules.isCountryCode(country)
        {
            match = try await AddressLocator(geocoder: geocoder).locate(
                street: input.street?.trimmed, city: city, state: input.state?.trimmed,
                postalCode: input.postalCode?.trimmed, country: country)
        }
        let given = input.coordinates.flatMap { $0.isValid ? $0 : nil }
        let distance = match.flatMap { place in given.map { place.coordinates.distanceKm(to: $0) } }
        if match == nil, given == nil, input.city != nil, input.country != nil {
            problems.append("the address could not be located; send coordinates { lat, lng } with it")
        }
        if let distance, distance > plausibleDistanceKm, let match {
            problems.append("coordinates are \(Int(distance.rounded())) km from \(match.name); check the address")
        }
        return AddressValidation(
            valid: problems.isEmpty, problems: problems, match: match,
            coordinates: given ?? match?.coordinates,
            distanceKm: distance.map { ($0 * 10).rounded() / 10 })
    }
}
