import Foundation
import Location
import Platform
import Trips

/// A booked delivery's tracking session and its pickup and drop fences, asked of `Location` in the booking's
/// transaction.
enum TrackingSetup {
    static func register(_ delivery: Delivery, context: CallContext) async throws {
        guard let request = try await DeliveryRequest.find(delivery.$request.id, on: context.db) else {
            throw DeliveriesError.requestNotFound
        }
        let tripType = try await Trip.find(delivery.$trip.id, on: context.db)?.tripType.rawValue ?? "other"
        try await TrackingSessions(context: context).register(
            .init(
                deliveryId: try delivery.requireID(), customerId: delivery.$customer.id,
                travelerId: delivery.$traveler.id, tripType: tripType,
                pickup: GeoPoint(lat: request.pickupLat, lng: request.pickupLng),
                drop: GeoPoint(lat: request.deliveryLat, lng: request.deliveryLng),
                pickupWindow: request.pickupTimeStart...max(request.pickupTimeStart, request.pickupTimeEnd),
                dropWindow: request.deliveryTimeStart...max(request.deliveryTimeStart, request.deliveryTimeEnd),
                pickupName: delivery.deliveryNumber, dropName: delivery.deliveryNumber))
    }
}
