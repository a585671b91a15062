import Vapor

/// Geocoder results are plain values, returned by the API as they are.
extension GeocodedPlace: Content {}
