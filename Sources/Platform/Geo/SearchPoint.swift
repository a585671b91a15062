import Foundation

/// One end of a searched route as a query string gives it: `{name}Lat` + `{name}Lng`, or a place name (`{name}=Paris`)
/// the geocoder resolves. Trip search and request search read their ends the same way.
public enum SearchPoint {
    /// The point, nil when the end was not given; broken rules go into `check`.
    public static func resolve(
        _ name: String, text: String?, lat: Double?, lng: Double?, geocoder: any Geocoder, into check: inout RuleCheck
    ) async throws -> GeoPoint? {
        if lat != nil || lng != nil {
            guard let lat, let lng else {
                check.fail("\(name)Lat and \(name)Lng go together")
                return nil
            }
            let point = GeoPoint(lat: lat, lng: lng)
            check.require(point.isValid, "\(name)Lat must be in -90…90 and \(name)Lng in -180…180")
            return point
        }
        guard let text, !text.isEmpty else { return nil }
        guard let place = try await geocoder.geocode(text, limit: 1).first else {
            check.fail("\(name) \"\(text)\" could not be located")
            return nil
        }
        return place.coordinates
    }
}
