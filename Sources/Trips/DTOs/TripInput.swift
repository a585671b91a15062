import Foundation
import Platform
import Vapor

/// The body of `POST /trips` and `PUT /trips/{id}`. Every field is optional at the decoding level so one type
/// serves creation (where `TripEditor` requires the essentials) and partial updates, and so a wrong value
/// comes back as a precise 422 instead of an unreadable body.
public struct TripInput: Content, Sendable {
    public var title: String?
    public var description: String?
    /// `flight`, `train`, `bus`, `car`, `ferry` or `other`.
    public var tripType: String?
    public var origin: PlaceInput?
    public var destination: PlaceInput?
    /// ISO-8601, in the future.
    public var departureTime: String?
    /// ISO-8601, after `departureTime`.
    public var arrivalTime: String?
    public var capacity: CapacityInput?
    public var pricing: PricingInput?
    public var restrictions: RestrictionsInput?
    /// Free-form traveler preferences (meeting points, languages, …), a JSON object.
    public var preferences: [String: JSONValue]?
    /// `public` (default) or `private`.
    public var visibility: String?
    public var autoAccept: Bool?
    /// Offers at or under this price (minor units) are accepted without asking the traveler.
    public var autoAcceptPrice: Int64?
    public var tags: [String]?
    public var isRecurring: Bool?
    public var recurringPattern: RecurringPatternInput?
}

/// An origin or destination: an address, and coordinates (looked up from the address or airport when absent).
public struct PlaceInput: Content, Sendable {
    public var address: String?
    public var coordinates: GeoPoint?
    /// IATA code, for flights.
    public var airport: String?
    public var terminal: String?
    public var details: String?
}

/// Spare capacity: kilograms, litres and a number of items.
public struct CapacityInput: Content, Sendable {
    public var weight: Double?
    public var volume: Double?
    public var items: Int?
}

/// Prices in minor units of `currency` (the traveler's preferred currency when absent).
public struct PricingInput: Content, Sendable {
    public var basePrice: Int64?
    public var pricePerKg: Int64?
    public var pricePerKm: Int64?
    public var expressMultiplier: Double?
    public var fragileMultiplier: Double?
    public var currency: String?
}

public struct RestrictionsInput: Content, Sendable {
    public var acceptedCategories: [String]?
    /// Minor units of the trip's currency.
    public var maxItemValue: Int64?
    public var fragileOk: Bool?
    public var perishableOk: Bool?
    public var maxItemWeight: Double?
    public var notes: String?
}

/// `{ frequency: daily|weekly, interval?, daysOfWeek? (1 = Monday), endDate? (YYYY-MM-DD), occurrences? }`.
public struct RecurringPatternInput: Content, Sendable {
    public var frequency: String?
    public var interval: Int?
    public var daysOfWeek: [Int]?
    public var endDate: String?
    public var occurrences: Int?
}
