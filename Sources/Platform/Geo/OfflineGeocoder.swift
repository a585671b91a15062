import Foundation

/// A geocoder that needs no network: it answers from the gazetteer of world cities and major airports shipped
/// in the Platform module (`Resources/places.tsv`).
public struct OfflineGeocoder: Geocoder {
    /// Parsed once per process; every `init()` shares it.
    private static let bundledDirectory = Result<PlaceDirectory, any Error> { try PlaceDirectory.bundled() }

    /// Reverse geocoding gives up beyond this distance: the point is not near anything the gazetteer knows.
    public static let reverseRadiusKm = 50.0

    let directory: PlaceDirectory

    /// Uses the gazetteer shipped with the Platform module, loaded on first use.
    public init() throws {
        directory = try Self.bundledDirectory.get()
    }

    /// Uses a gazetteer given as text in the `places.tsv` format (tests, fixtures).
    public init(tsv: String) throws {
        directory = try PlaceDirectory(tsv: tsv)
    }

    /// Every city and airport, in file order, each with confidence 1.
    public var places: [GeocodedPlace] {
        directory.places
    }

    /// The places of one kind ("city" or "airport"); cities come largest first.
    public func places(kind: String) -> [GeocodedPlace] {
        guard let kind = PlaceRecord.Kind(rawValue: kind) else { return [] }
        let indexes = directory.records.indices.filter { directory.records[$0].kind == kind }
        // The sort is stable, so equal populations (every airport) keep file order.
        return indexes.sorted { directory.records[$0].population > directory.records[$1].population }
            .map { directory.places[$0] }
    }

    /// Synchronous `geocode(_:limit:)`: places matching a free-form query, best first.
    public func search(_ query: String, limit: Int = 5) -> [GeocodedPlace] {
        directory.search(query, limit: limit)
    }

    /// Synchronous `reverseGeocode(_:)`: the nearest city within `reverseRadiusKm`, else the nearest airport.
    public func place(near point: GeoPoint) -> GeocodedPlace? {
        guard point.isValid else { return nil }
        let hit =
            directory.nearest(to: point, kind: .city, withinKm: Self.reverseRadiusKm)
            ?? directory.nearest(to: point, kind: .airport, withinKm: Self.reverseRadiusKm)
        return hit.map { directory.records[$0.index].place(confidence: Self.proximityConfidence($0.km)) }
    }

    /// The nearest place of `kind` ("city", "airport", or nil for either), however far; nil for an unknown kind.
    public func nearest(to point: GeoPoint, kind: String? = nil) -> GeocodedPlace? {
        guard point.isValid else { return nil }
        var recordKind: PlaceRecord.Kind?
        if let kind {
            guard let known = PlaceRecord.Kind(rawValue: kind) else { return nil }
            recordKind = known
        }
        // Grow the search radius rather than scan everything: most points have a place within a few hundred km.
        for radius in [100.0, 1_000.0, 25_000.0] {
            if let hit = directory.nearest(to: point, kind: recordKind, withinKm: radius) {
                return directory.records[hit.index].place(confidence: Self.proximityConfidence(hit.km))
            }
        }
        return nil
    }

    /// Places matching `query`, best first; empty when nothing matches.
    public func geocode(_ query: String, limit: Int) async throws -> [GeocodedPlace] {
        search(query, limit: limit)
    }

    /// The nearest city within 50 km, else the nearest airport within 50 km, else nil.
    public func reverseGeocode(_ point: GeoPoint) async throws -> GeocodedPlace? {
        place(near: point)
    }

    /// 1 at the place itself, 0.5 at the edge of the reverse-geocoding radius, 0 at twice that.
    private static func proximityConfidence(_ km: Double) -> Double {
        (max(0, 1 - km / (2 * reverseRadiusKm)) * 1000).rounded() / 1000
    }
}
