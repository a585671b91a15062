import Foundation
import Platform
import Vapor

/// A delivery as its parties see it.
public struct DeliveryResponse: Content, Sendable {
    public var id: UUID
    public var deliveryNumber: String
    public var status: DeliveryStatus
    public var requestId: UUID
    public var offerId: UUID
    public var tripId: UUID
    public var customerId: UUID
    public var travelerId: UUID
    public var finalPrice: Money
    public var specialRequests: String?
    public var acceptedAt: Date?
    public var pickupScheduledAt: Date?
    public var pickupCompletedAt: Date?
    public var inTransitAt: Date?
    public var deliveryScheduledAt: Date?
    public var deliveryCompletedAt: Date?
    public var completedAt: Date?
    public var cancelledAt: Date?
    public var cancellationReason: String?
    public var cancelledBy: UUID?
    public var createdAt: Date?
    public var updatedAt: Date?

    public init(_ delivery: Delivery) throws {
        id = try delivery.requireID()
        deliveryNumber = delivery.deliveryNumber
        status = delivery.status
        requestId = delivery.$request.id
        offerId = delivery.$offer.id
        tripId = delivery.$trip.id
        customerId = delivery.$customer.id
        travelerId = delivery.$traveler.id
        finalPrice = delivery.price
        specialRequests = delivery.specialRequests
        acceptedAt = delivery.acceptedAt
        pickupScheduledAt = delivery.pickupScheduledAt
        pickupCompletedAt = delivery.pickupCompletedAt
        inTransitAt = delivery.inTransitAt
        deliveryScheduledAt = delivery.deliveryScheduledAt
        deliveryCompletedAt = delivery.deliveryCompletedAt
        completedAt = delivery.completedAt
        cancelledAt = delivery.cancelledAt
        cancellationReason = delivery.cancellationReason
        cancelledBy = delivery.cancelledBy
        createdAt = delivery.createdAt
        updatedAt = delivery.updatedAt
    }
}

/// One entry of a delivery's history.
public struct DeliveryEventResponse: Content, Sendable {
    public var id: UUID
    public var from: DeliveryStatus?
    public var to: DeliveryStatus
    public var actorId: UUID?
    public var actorRole: DeliveryStatus.Actor
    public var reason: String?
    public var metadata: [String: JSONValue]
    public var at: Date

    public init(_ event: DeliveryEvent) throws {
        id = try event.requireID()
        from = event.fromStatus
        to = event.toStatus
        actorId = event.actorId
        actorRole = event.actorRole
        reason = event.reason
        metadata = event.metadata
        at = event.createdAt
    }
}
