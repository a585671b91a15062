import Foundation
import Platform
import Trips

/// The price range shown when a request is posted, before any traveler offers.
///
/// A deliberately simple, documented formula (the full pricing engine belongs to the payments module), in
/// major units of the request's currency, then converted to minor units:
///
///     recommended = (5 + 0.05·min(km, 500) + 0.01·max(km − 500, 0) + 1.5·kg + 0.5 % of declared value)
///                   × category factor × urgency factor (standard 1, express 1.5, urgent 2) × 1.25 if fragile
///     min = 0.75 × recommended,  max = 1.5 × recommended   (each rounded to whole major units, at least 1)
///
/// Category factors: documents 0.8, electronics 1.3, jewelry 1.5, art 1.4, medicine 1.2, food 1.1, others 1.
public enum PriceEstimator {
    public struct Estimate: Codable, Sendable, Equatable {
        public var min: Money
        public var max: Money
        public var recommended: Money
    }

    public static func categoryFactor(_ category: ItemCategory) -> Double {
        switch category {
        case .documents: 0.8
        case .electronics: 1.3
        case .jewelry: 1.5
        case .art: 1.4
        case .medicine: 1.2
        case .food: 1.1
        default: 1.0
        }
    }

    public static func urgencyFactor(_ urgency: Urgency) -> Double {
        switch urgency {
        case .standard: 1.0
        case .express: 1.5
        case .urgent: 2.0
        }
    }

    public static func estimate(
        distanceKm: Double, totalWeightKg: Double, declaredValue: Int64, category: ItemCategory, urgency: Urgency,
        fragile: Bool, currency: Currency
    ) -> Estimate {
        let perMajor = Double(currency.minorUnitsPerMajor)
        let valueMajor = Double(declaredValue) / perMajor
        var major = 5 + 0.05 * min(distanceKm, 500) + 0.01 * max(distanceKm - 500, 0) + 1.5 * totalWeightKg
        major += 0.005 * valueMajor
        major *= categoryFactor(category) * urgencyFactor(urgency) * (fragile ? 1.25 : 1)
        func money(_ amount: Double) -> Money {
            Money(amount: Int64(Swift.max(1, amount.rounded())) * Int64(perMajor), currency: currency)
        }
        return Estimate(min: money(major * 0.75), max: money(major * 1.5), recommended: money(major))
    }
}
