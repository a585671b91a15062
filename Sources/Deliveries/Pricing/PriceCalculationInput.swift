import Foundation
import Payments
import Platform
import Trips
import Vapor

/// `POST /payments/calculate-price` and `POST /payments/optimize-pricing`: a posted request (`requestId`), or
/// an item and route described inline; optionally the trip that would carry it, a traveler's price, insurance,
/// the weather, and the currency to answer in.
struct PriceCalculationInput: Content, Sendable {
    var requestId: UUID?
    var pickup: GeoPoint?
    var delivery: GeoPoint?
    /// Kilograms, the whole consignment.
    var weight: Double?
    /// Litres.
    var volume: Double?
    /// Declared value, minor units of the pricing currency.
    var value: Int64?
    var category: String?
    var urgency: String?
    var isFragile: Bool?
    var isPerishable: Bool?
    var flexibleTiming: Bool?
    /// ISO-8601; the seasonal and day-of-week factors read it.
    var pickupDate: String?
    var tripId: UUID?
    /// A traveler's price (minor units) to quote instead of the engine's.
    var price: Int64?
    var insurance: Bool?
    /// `good`, `fair`, `poor` or `severe`; without it, the trip's forecast when a trip is named.
    var weather: String?
    /// ISO 4217: the currency to answer in (an inline item is priced in it; a request's price is converted).
    var currency: String?

    /// The item and route described inline, checked rule by rule; nil fields of a `requestId` input are
    /// read from the request instead.
    func inlineFacts() throws -> (facts: PricingFacts, pickup: GeoPoint, delivery: GeoPoint) {
        var check = RuleCheck()
        checkCommon(&check)
        check.require(pickup != nil, "pickup is required without requestId")
        check.require(delivery != nil, "delivery is required without requestId")
        check.require(weight != nil, "weight is required without requestId")
        check.require(value != nil, "value is required without requestId")
        check.require(category != nil, "category is required without requestId")
        try check.throwIfBroken()
        guard let pickup, let delivery, let weight, let value, let category else { throw APIError.validation([]) }
        var facts = PricingFacts(
            currency: Currency(code: currency ?? "EUR") ?? .eur, distanceKm: pickup.distanceKm(to: delivery),
            weightKg: weight, volumeLitres: volume ?? 0, declaredValue: value, category: category,
            urgency: urgency ?? Urgency.standard.rawValue, fragile: isFragile ?? false,
            perishable: isPerishable ?? false, flexible: flexibleTiming ?? false, insured: insurance ?? false)
        facts.pickupDate = pickupDate.flatMap { ISOTimestamp.parse($0) }
        return (facts, pickup, delivery)
    }

    /// The rules that hold whichever way the item is given.
    func checkCommon(_ check: inout RuleCheck) {
        _ = ISOTimestamp.parse(pickupDate, field: "pickupDate", required: false, into: &check)
        if let pickup { check.require(pickup.isValid, "pickup must have lat -90…90 and lng -180…180") }
        if let delivery { check.require(delivery.isValid, "delivery must have lat -90…90 and lng -180…180") }
        if let weight { check.require(weight > 0 && weight <= 2_000, "weight must be more than 0 and at most 2000 kg") }
        if let volume { check.require(volume >= 0 && volume <= 10_000, "volume must be 0 to 10000 litres") }
        if let value { check.require((0...10_000_000).contains(value), "value must be 0 to 10000000 minor units") }
        if let category {
            check.require(ItemCategory(rawValue: category) != nil, "category must be one of \(ItemCategory.list)")
        }
        if let urgency {
            check.require(Urgency(rawValue: urgency) != nil, "urgency must be one of standard, express, urgent")
        }
        if let price { check.require((1...100_000_000).contains(price), "price must be 1 to 100000000 minor units") }
        if let weather {
            check.require(
                PricingCondition.weatherConditions.contains(weather),
                "weather must be one of \(PricingCondition.weatherConditions.joined(separator: ", "))")
        }
        if let currency {
            check.require(
                OfflineExchangeRates.table.units[currency] != nil,
                "currency must be an ISO 4217 code the platform knows")
        }
    }

    /// Whether anything describing the item or route was sent beside a `requestId` (refused: the request
    /// already says it).
    var describesItem: Bool {
        pickup != nil || delivery != nil || weight != nil || volume != nil || value != nil || category != nil
            || urgency != nil || isFragile != nil || isPerishable != nil || flexibleTiming != nil || pickupDate != nil
    }
}

extension PriceCalculationInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        [
            "requestId": FieldRule.format("uuid").described(
                "a posted request; without it pickup, delivery, weight, value and category are required"),
            "weight": .number(above: 0, upTo: 2_000), "volume": .number(0...10_000), "value": .integer(0...10_000_000),
            "category": .oneOf(ItemCategory.self), "urgency": .oneOf(Urgency.self), "tripId": .format("uuid"),
            "price": .integer(1...100_000_000), "pickupDate": .format("date-time"),
            "weather": .oneOf(PricingCondition.weatherConditions),
            "currency": .oneOf(OfflineExchangeRates.table.units.keys.sorted()),
        ]
    }
}
