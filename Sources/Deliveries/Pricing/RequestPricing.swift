import Foundation
import Payments
import Platform
import Trips

/// A request's item and route as the pricing engine reads them.
///
/// The estimate a request shows (`estimatedPrice`) prices these facts only: the item, the route, urgency and
/// handling. The calendar, the market on the route, the traveler and the weather are priced by
/// `POST /payments/calculate-price`, which gathers them (`PriceCalculator`).
extension DeliveryRequest {
    var pricingFacts: PricingFacts {
        let needed = capacityNeeded
        return PricingFacts(
            currency: priceCurrency, distanceKm: distanceKm, weightKg: needed.weight, volumeLitres: needed.volume,
            declaredValue: value, category: category.rawValue, urgency: urgency.rawValue, fragile: isFragile,
            perishable: isPerishable, flexible: flexiblePickupTiming, insured: insuranceRequired)
    }

    /// The request's price range under `factors`.
    func priceEstimate(_ factors: PricingFactorSet, at now: Date) -> PriceEstimate {
        PriceEngine.deliveryPrice(pricingFacts, factors: factors, at: now).estimate
    }
}

extension DeliveryRequest {
    /// Stores the estimate under the factors a new installation starts with, for data generated without a
    /// database at hand (`p2p seed --demo`, the benchmarks).
    public func priceWithDefaultFactors(at now: Date) {
        estimatedPrice = priceEstimate(.defaults, at: now).recommended.amount
    }
}
