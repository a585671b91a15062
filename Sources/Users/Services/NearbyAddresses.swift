import Fluent
import Foundation
import Platform

/// Saved addresses around a point: a bounding box in SQL (indexed), then the exact great-circle distance.
struct NearbyAddresses {
    let db: any Database

    func search(
        around point: GeoPoint, radiusKm: Double, page: PageQuery
    ) async throws -> ListPage<NearbyAddressResponse> {
        let kmPerDegree = 2 * Double.pi * GeoPoint.earthRadiusKm / 360
        let latDelta = radiusKm / kmPerDegree
        var query = UserAddress.query(on: db)
            .filter(\.$latitude >= point.lat - latDelta).filter(\.$latitude <= point.lat + latDelta)
        let cosine = cos(point.lat * .pi / 180)
        // Near the poles or across the antimeridian a longitude box would be wrong; latitude alone still narrows.
        if cosine > 0.01 {
            let lngDelta = radiusKm / (kmPerDegree * cosine)
            if point.lng - lngDelta >= -180, point.lng + lngDelta <= 180 {
                query = query.filter(\.$longitude >= point.lng - lngDelta).filter(\.$longitude <= point.lng + lngDelta)
            }
        }
        let hits = try await query.all()
            .map { ($0, $0.coordinates.distanceKm(to: point)) }
            .filter { $0.1 <= radiusKm }
            .sorted { $0.1 < $1.1 }
        let slice = hits.dropFirst(page.offset).prefix(page.limit)
        let items = try slice.map { address, km in
            NearbyAddressResponse(
                address: try AddressResponse(address), userId: address.$user.id, distanceKm: (km * 100).rounded() / 100)
        }
        return ListPage(items: items, pagination: Pagination(page: page.page, limit: page.limit, total: hits.count))
    }
}
