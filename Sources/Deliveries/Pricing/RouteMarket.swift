import Fluent
import Foundation
import Platform
import SQLKit
import Trips

/// The marketplace around one route: open requests and upcoming trips whose two ends are both near the
/// route's, and the offers made on such requests. Read with plain SQL on the indexed coordinate columns (a
/// bounding box), then filtered by great-circle distance.
struct RouteMarket {
    let context: CallContext
    let pickup: GeoPoint
    let delivery: GeoPoint
    let radiusKm: Double

    /// A decided offer on a request near the route: its price against the request's stored estimate.
    struct DecidedOffer: Sendable, Equatable {
        var price: Int64
        var estimatedPrice: Int64
        var accepted: Bool
        var status: OfferStatus
    }

    /// Open requests near the route, `excluding` the one being priced.
    func openRequests(excluding requestId: UUID?) async throws -> Int {
        let box = boxes()
        let rows = try await context.db.sqlDatabase.raw(
            """
            SELECT id, pickup_lat, pickup_lng, delivery_lat, delivery_lng FROM delivery_requests
            WHERE status = \(bind: DeliveryRequestStatus.pending.rawValue) AND expires_at > \(bind: context.now)
            AND pickup_lat BETWEEN \(bind: box.pickup.lat.lowerBound) AND \(bind: box.pickup.lat.upperBound)
            AND pickup_lng BETWEEN \(bind: box.pickup.lng.lowerBound) AND \(bind: box.pickup.lng.upperBound)
            AND delivery_lat BETWEEN \(bind: box.delivery.lat.lowerBound) AND \(bind: box.delivery.lat.upperBound)
            AND delivery_lng BETWEEN \(bind: box.delivery.lng.lowerBound) AND \(bind: box.delivery.lng.upperBound)
            """
        ).all()
        return try rows.filter { row in
            try row.decode(column: "id", as: UUID.self) != requestId
                && near(row, "pickup_lat", "pickup_lng", pickup) && near(row, "delivery_lat", "delivery_lng", delivery)
        }.count
    }

    /// Upcoming public trips from near the pickup to near the drop-off, departing from now on.
    func upcomingTrips() async throws -> Int {
        let box = boxes()
        let rows = try await context.db.sqlDatabase.raw(
            """
            SELECT origin_lat, origin_lng, destination_lat, destination_lng FROM trips
            WHERE status = \(bind: TripStatus.upcoming.rawValue)
            AND visibility = \(bind: TripVisibility.public.rawValue) AND departure_time >= \(bind: context.now)
            AND origin_lat BETWEEN \(bind: box.pickup.lat.lowerBound) AND \(bind: box.pickup.lat.upperBound)
            AND origin_lng BETWEEN \(bind: box.pickup.lng.lowerBound) AND \(bind: box.pickup.lng.upperBound)
            AND destination_lat BETWEEN \(bind: box.delivery.lat.lowerBound) AND \(bind: box.delivery.lat.upperBound)
            AND destination_lng BETWEEN \(bind: box.delivery.lng.lowerBound) AND \(bind: box.delivery.lng.upperBound)
            """
        ).all()
        return try rows.filter { row in
            try near(row, "origin_lat", "origin_lng", pickup)
                && near(row, "destination_lat", "destination_lng", delivery)
        }.count
    }

    /// Offers accepted, declined or expired since `since` on requests near the route, in `currency`.
    func decidedOffers(in currency: Currency, since: Date) async throws -> [DecidedOffer] {
        let box = boxes()
        let decided = [OfferStatus.accepted, .declined, .expired].map(\.rawValue)
        let rows = try await context.db.sqlDatabase.raw(
            """
            SELECT o.price, o.status, r.estimated_price, r.pickup_lat, r.pickup_lng, r.delivery_lat, r.delivery_lng
            FROM delivery_offers o JOIN delivery_requests r ON r.id = o.delivery_request_id
            WHERE o.status IN (\(binds: decided)) AND o.currency = \(bind: currency.code)
            AND o.created_at >= \(bind: since)
            AND r.pickup_lat BETWEEN \(bind: box.pickup.lat.lowerBound) AND \(bind: box.pickup.lat.upperBound)
            AND r.pickup_lng BETWEEN \(bind: box.pickup.lng.lowerBound) AND \(bind: box.pickup.lng.upperBound)
            AND r.delivery_lat BETWEEN \(bind: box.delivery.lat.lowerBound) AND \(bind: box.delivery.lat.upperBound)
            AND r.delivery_lng BETWEEN \(bind: box.delivery.lng.lowerBound) AND \(bind: box.delivery.lng.upperBound)
            ORDER BY o.created_at, o.price
            """
        ).all()
        return try rows.compactMap { row in
            guard try near(row, "pickup_lat", "pickup_lng", pickup),
                try near(row, "delivery_lat", "delivery_lng", delivery),
                let status = OfferStatus(rawValue: try row.decode(column: "status", as: String.self))
            else { return nil }
            return DecidedOffer(
                price: try row.decode(column: "price", as: Int64.self),
                estimatedPrice: try row.decode(column: "estimated_price", as: Int64.self),
                accepted: status == .accepted, status: status)
        }
    }

    /// Open requests per upcoming trip, with the request being priced counted as one of them: (requests + 1) /
    /// (trips + 1), so an empty route reads 1 (neither busy nor idle) rather than dividing by zero.
    static func demandRatio(openRequests: Int, trips: Int) -> Double {
        Double(openRequests + 1) / Double(trips + 1)
    }

    private func near(_ row: any SQLRow, _ lat: String, _ lng: String, _ point: GeoPoint) throws -> Bool {
        let other = GeoPoint(
            lat: try row.decode(column: lat, as: Double.self), lng: try row.decode(column: lng, as: Double.self))
        return other.distanceKm(to: point) <= radiusKm
    }

    private struct Box {
        var lat: ClosedRange<Double>
        var lng: ClosedRange<Double>
    }

    /// Latitude and longitude ranges that contain every point within the radius (wider near the poles).
    private func boxes() -> (pickup: Box, delivery: Box) {
        func box(_ point: GeoPoint) -> Box {
            let dLat = radiusKm / 111.0
            let cosine = max(0.01, cos(point.lat * .pi / 180))
            let dLng = min(180, radiusKm / (111.0 * cosine))
            return Box(lat: (point.lat - dLat)...(point.lat + dLat), lng: (point.lng - dLng)...(point.lng + dLng))
        }
        return (box(pickup), box(delivery))
    }
}
