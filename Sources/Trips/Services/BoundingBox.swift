import Fluent
import Foundation
import Platform

/// The latitude/longitude rectangle around a circle, for index-friendly prefilters before exact distances.
public struct BoundingBox: Sendable {
    static let kmPerDegree = 111.195

    public var minLat: Double
    public var maxLat: Double
    public var minLng: Double
    public var maxLng: Double

    public init(around point: GeoPoint, radiusKm: Double) {
        let latSpan = radiusKm / Self.kmPerDegree
        minLat = max(-90, point.lat - latSpan)
        maxLat = min(90, point.lat + latSpan)
        let widest = max(abs(minLat), abs(maxLat))
        let lngSpan = radiusKm / (Self.kmPerDegree * cos(min(widest, 89.9) * .pi / 180))
        minLng = point.lng - lngSpan
        maxLng = point.lng + lngSpan
    }

    /// Near the antimeridian or a pole the longitude range is left to the exact distance check.
    public var wrapsLongitude: Bool { minLng < -180 || maxLng > 180 }
}

extension QueryBuilder {
    /// Keeps rows whose `lat`/`lng` columns fall inside `box` (latitude only where the box wraps the longitude).
    @discardableResult
    public func filter(
        _ box: BoundingBox, lat: KeyPath<Model, FieldProperty<Model, Double>>,
        lng: KeyPath<Model, FieldProperty<Model, Double>>
    ) -> Self {
        filter(lat >= box.minLat).filter(lat <= box.maxLat)
        if !box.wrapsLongitude { filter(lng >= box.minLng).filter(lng <= box.maxLng) }
        return self
    }
}
