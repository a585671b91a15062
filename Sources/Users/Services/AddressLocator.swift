import Foundation
import Platform

/// Finds where an address is with the application's `Geocoder`, keeping only places in the address's country.
struct AddressLocator {
    let geocoder: any Geocoder

    /// The best place for the address, or nil when the geocoder knows nothing that fits.
    func locate(
        street: String?, city: String, state: String?, postalCode: String?, country: String
    ) async throws
        -> GeocodedPlace?
    {
        let countryCode = country.uppercased()
        // The full text first (it can tell namesakes apart by region); the city alone if that finds nothing.
        let queries = [
            AddressRules.geocodingQuery(street: street, city: city, state: state, postalCode: postalCode, country: ""),
            city,
        ]
        for query in queries {
            let places = try await geocoder.geocode(query, limit: 10)
            if let match = places.first(where: { $0.countryCode == countryCode }) { return match }
        }
        return nil
    }
}
