import Vapor

extension Application {
    private struct GeocoderKey: StorageKey {
        typealias Value = any Geocoder
    }

    /// The application's geocoder: the offline gazetteer unless replaced (an online provider, a test double).
    public var geocoder: any Geocoder {
        get {
            guard let geocoder = storage[GeocoderKey.self] else { fatalError("geocoder read before configure(_:)") }
            return geocoder
        }
        set { storage[GeocoderKey.self] = newValue }
    }
}
