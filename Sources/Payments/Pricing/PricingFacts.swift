import Foundation
import Platform

/// What the engine prices: the item and route, and whatever the caller knows of the calendar, the market, the
/// traveler and the weather. Unknown facts stay nil, and factors that need them do not apply.
public struct PricingFacts: Sendable, Equatable {
    public var currency: Currency
    public var distanceKm: Double
    public var weightKg: Double
    public var volumeLitres: Double
    /// Minor units of `currency`.
    public var declaredValue: Int64
    public var category: String
    public var urgency: String
    public var fragile: Bool
    public var perishable: Bool
    public var flexible: Bool
    /// The start of the pickup window; seasonal and day-of-week factors read it (in UTC).
    public var pickupDate: Date?
    public var travelerRating: Double?
    public var travelerCompletedDeliveries: Int?
    /// The trip's detour for the item over the trip's own distance.
    public var detourRatio: Double?
    /// Open requests per trip near the route.
    public var demandRatio: Double?
    /// The trip's travel conditions (`good`, `fair`, `poor`, `severe`).
    public var weather: String?
    public var firstDelivery: Bool?
    /// A traveler's price to quote instead of the engine's (minor units); the delivery lines are still shown.
    public var agreedPrice: Int64?
    /// The customer insures the item (the premium is a share of `declaredValue`).
    public var insured: Bool

    public init(
        currency: Currency, distanceKm: Double, weightKg: Double, volumeLitres: Double = 0, declaredValue: Int64,
        category: String, urgency: String = "standard", fragile: Bool = false, perishable: Bool = false,
        flexible: Bool = false, insured: Bool = false
    ) {
        self.currency = currency
        self.distanceKm = distanceKm
        self.weightKg = weightKg
        self.volumeLitres = volumeLitres
        self.declaredValue = declaredValue
        self.category = category
        self.urgency = urgency
        self.fragile = fragile
        self.perishable = perishable
        self.flexible = flexible
        self.insured = insured
    }

    var pickupMonth: Int? { pickupDate.map { Self.utc.component(.month, from: $0) } }

    /// ISO weekday, Monday 1 to Sunday 7 (Foundation counts Sunday as 1).
    var pickupWeekday: Int? {
        pickupDate.map { (Self.utc.component(.weekday, from: $0) + 5) % 7 + 1 }
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}

extension PricingFacts {
    /// Only the item and the route, as a posted request's estimate prices them: no calendar, market, traveler,
    /// weather, customer or agreed price.
    public var itemAndRoute: PricingFacts {
        PricingFacts(
            currency: currency, distanceKm: distanceKm, weightKg: weightKg, volumeLitres: volumeLitres,
            declaredValue: declaredValue, category: category, urgency: urgency, fragile: fragile,
            perishable: perishable, flexible: flexible, insured: insured)
    }
}
