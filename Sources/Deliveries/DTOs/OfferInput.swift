import Foundation
import Platform
import Vapor

/// The body of `POST /delivery-requests/{id}/offers` (API.md step 7) and, every field optional, of
/// `PUT /offers/{id}`.
public struct OfferInput: Content, Sendable {
    public var tripId: String?
    /// Minor units of the request's currency, at most its `maxPrice`.
    public var price: Int64?
    public var message: String?
    public var estimatedPickupTime: String?
    public var estimatedDeliveryTime: String?
    /// Until when the customer may accept; 48 hours (or the request's expiry, if sooner) by default.
    public var validUntil: String?
    public var guarantees: [String: JSONValue]?
    public var specialServices: [String: JSONValue]?
}

/// The body of `POST /offers/{id}/accept`.
public struct AcceptOfferInput: Content, Sendable {
    /// A saved payment method (`pm_card_visa`); the payments module uses it.
    public var paymentMethod: String?
    public var specialRequests: String?
}

/// A reason, for declines and cancellations.
public struct ReasonInput: Content, Sendable {
    public var reason: String?
}
