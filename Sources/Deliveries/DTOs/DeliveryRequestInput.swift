import Foundation
import Platform
import Vapor

/// The body of `POST /delivery-requests` and `PUT /delivery-requests/{id}` (API.md step 5). Every field is
/// optional when decoding so creation can name each missing field and updates can be partial.
public struct DeliveryRequestInput: Content, Sendable {
    public var title: String?
    public var description: String?
    /// One of the item categories (`documents`, `electronics`, …).
    public var category: String?
    public var item: ItemInput?
    public var pickup: EndpointInput?
    public var delivery: EndpointInput?
    /// `standard` (default), `express` or `urgent`.
    public var urgency: String?
    /// Minor units of `currency`.
    public var maxPrice: Int64?
    /// Offers at or under this price are accepted and paid for by themselves…
    public var autoAcceptPrice: Int64?
    /// …with this payment method (`pm_card_visa`, a Stripe `pm_…` id); required with `autoAcceptPrice`.
    public var autoAcceptPaymentMethod: String?
    /// ISO 4217; the customer's preferred currency when absent.
    public var currency: String?
    public var preferredTravelers: [String]?
    public var blacklistedTravelers: [String]?
    public var minTravelerRating: Double?
    public var verificationRequired: Bool?
    public var insuranceRequired: Bool?
    public var backgroundCheckRequired: Bool?
    public var notificationPreferences: [String: JSONValue]?
    public var specialInstructions: String?
    public var tags: [String]?
}

/// The item: weight in kilograms per piece, dimensions in centimetres, value in minor units.
public struct ItemInput: Content, Sendable {
    public var name: String?
    public var description: String?
    public var weight: Double?
    public var dimensions: DimensionsInput?
    public var value: Int64?
    public var quantity: Int?
    public var isFragile: Bool?
    public var isPerishable: Bool?
    public var isHazardous: Bool?
    public var requiresSignature: Bool?
    public var images: [String]?
}

public struct DimensionsInput: Content, Sendable {
    public var length: Double?
    public var width: Double?
    public var height: Double?
}

/// Where the item is collected or handed over, whom to call, and when.
public struct EndpointInput: Content, Sendable {
    public var address: String?
    public var coordinates: GeoPoint?
    public var contactName: String?
    /// E.164 (`+447700900123`).
    public var contactPhone: String?
    public var timeWindow: TimeWindowInput?
    public var instructions: String?
    public var flexibleTiming: Bool?
    /// Weekday names for pickups (`monday` … `sunday`).
    public var preferredDays: [String]?
    public var requiresRecipientPresence: Bool?
}

/// ISO-8601 start and end.
public struct TimeWindowInput: Content, Sendable {
    public var start: String?
    public var end: String?
}
