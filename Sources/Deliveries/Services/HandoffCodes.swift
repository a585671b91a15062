import Foundation
import Platform
import QRCodes

/// A booked delivery's pickup and delivery codes, asked of `QRCodes` in the booking's transaction.
enum HandoffCodes {
    /// How long after the scheduled handoff a code stays good; a late traveler's code can be regenerated.
    static let grace: TimeInterval = 7 * 24 * 3600

    @discardableResult
    static func issue(
        for delivery: Delivery, level: QRSecurityLevel = .standard, context: CallContext
    ) async throws -> [QRCodeRecord] {
        guard let request = try await DeliveryRequest.find(delivery.$request.id, on: context.db) else {
            throw DeliveriesError.requestNotFound
        }
        let pickupBy = delivery.pickupScheduledAt ?? request.pickupTimeEnd
        let deliverBy = delivery.deliveryScheduledAt ?? request.deliveryTimeEnd
        return try await QRCodeIssuer(context: context).issue(
            .init(
                deliveryId: try delivery.requireID(), customerId: delivery.$customer.id,
                travelerId: delivery.$traveler.id,
                pickup: GeoPoint(lat: request.pickupLat, lng: request.pickupLng),
                dropoff: GeoPoint(lat: request.deliveryLat, lng: request.deliveryLng), level: level,
                pickupExpiresAt: max(pickupBy, context.now).addingTimeInterval(grace),
                deliveryExpiresAt: max(deliverBy, context.now).addingTimeInterval(grace),
                senderPhone: request.pickupContactPhone, recipientPhone: request.deliveryContactPhone))
    }
}
