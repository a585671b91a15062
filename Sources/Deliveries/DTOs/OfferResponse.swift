import Foundation
import Platform
import Trips
import Users
import Vapor

/// An offer as the API shows it.
public struct OfferResponse: Content, Sendable {
    public var id: UUID
    public var requestId: UUID
    public var travelerId: UUID
    public var traveler: MemberDirectory.Summary?
    public var tripId: UUID
    public var price: Money
    public var message: String?
    public var estimatedPickupTime: Date
    public var estimatedDeliveryTime: Date
    public var status: OfferStatus
    public var guarantees: [String: JSONValue]
    public var specialServices: [String: JSONValue]
    public var validUntil: Date
    public var createdAt: Date?
    public var updatedAt: Date?
    public var acceptedAt: Date?
    public var declinedAt: Date?
    public var declinedReason: String?

    public init(_ offer: DeliveryOffer, traveler: MemberDirectory.Summary? = nil) throws {
        id = try offer.requireID()
        requestId = offer.$request.id
        travelerId = offer.$traveler.id
        self.traveler = traveler
        tripId = offer.$trip.id
        price = Money(amount: offer.price, currency: Currency(code: offer.currency) ?? .eur)
        message = offer.message
        estimatedPickupTime = offer.estimatedPickupTime
        estimatedDeliveryTime = offer.estimatedDeliveryTime
        status = offer.status
        guarantees = offer.guarantees
        specialServices = offer.specialServices
        validUntil = offer.validUntil
        createdAt = offer.createdAt
        updatedAt = offer.updatedAt
        acceptedAt = offer.acceptedAt
        declinedAt = offer.declinedAt
        declinedReason = offer.declinedReason
    }
}

/// The booked delivery in what `POST /offers/{id}/accept` answers (API.md step 8), beside the payment and the
/// handoff codes.
public struct AcceptedDelivery: Content, Sendable {
    public var deliveryId: UUID
    public var deliveryNumber: String
    public var status: DeliveryStatus
    public var finalPrice: Money
    public var offerId: UUID
    public var requestId: UUID
    public var tripId: UUID
    public var automatic: Bool

    init(_ delivery: Delivery, automatic: Bool) throws {
        deliveryId = try delivery.requireID()
        deliveryNumber = delivery.deliveryNumber
        status = delivery.status
        finalPrice = delivery.price
        offerId = delivery.$offer.id
        requestId = delivery.$request.id
        tripId = delivery.$trip.id
        self.automatic = automatic
    }
}
