import Foundation
import Platform

/// Validation of an offer's terms against its request and trip.
struct OfferRules {
    static let defaultValidity: TimeInterval = 48 * 3600
    static let maxValidity: TimeInterval = 14 * 24 * 3600

    let now: Date

    /// Applies `input` to `offer`; `isNew` requires price and times.
    func apply(_ input: OfferInput, to offer: DeliveryOffer, request: DeliveryRequest, isNew: Bool) throws {
        var check = RuleCheck()
        var priceTooHigh = false
        if let price = input.price {
            check.require(price > 0, "price must be more than 0")
            priceTooHigh = price > request.maxPrice
            offer.price = price
        } else if isNew {
            check.fail("price is required")
        }
        if let message = input.message?.trimmingCharacters(in: .whitespacesAndNewlines) {
            check.require(message.count <= 1000, "message must be at most 1000 characters")
            offer.message = message.isEmpty ? nil : message
        }
        let pickup =
            input.estimatedPickupTime == nil && !isNew
            ? offer.estimatedPickupTime
            : ISOTimestamp.parse(input.estimatedPickupTime, field: "estimatedPickupTime", into: &check)
        let delivery =
            input.estimatedDeliveryTime == nil && !isNew
            ? offer.estimatedDeliveryTime
            : ISOTimestamp.parse(input.estimatedDeliveryTime, field: "estimatedDeliveryTime", into: &check)
        if let pickup, let delivery {
            check.require(pickup > now, "estimatedPickupTime must be in the future")
            check.require(delivery > pickup, "estimatedDeliveryTime must be after estimatedPickupTime")
            offer.estimatedPickupTime = pickup
            offer.estimatedDeliveryTime = delivery
        }
        if let raw = input.validUntil {
            if let until = ISOTimestamp.parse(raw) {
                check.require(until > now, "validUntil must be in the future")
                check.require(until <= now.addingTimeInterval(Self.maxValidity), "validUntil must be within 14 days")
                offer.validUntil = min(until, request.expiresAt)
            } else {
                check.fail("validUntil must be an ISO-8601 timestamp such as 2026-11-20T10:00:00Z")
            }
        } else if isNew {
            offer.validUntil = min(now.addingTimeInterval(Self.defaultValidity), request.expiresAt)
        }
        for (field, value) in [("guarantees", input.guarantees), ("specialServices", input.specialServices)] {
            guard let value else { continue }
            let size = (try? JSONEncoder().encode(value).count) ?? 0
            check.require(size <= 2048, "\(field) must be at most 2048 bytes of JSON")
        }
        offer.guarantees = input.guarantees ?? offer.guarantees
        offer.specialServices = input.specialServices ?? offer.specialServices
        try check.throwIfBroken()
        if priceTooHigh {
            throw DeliveriesError.priceAboveMaximum(
                maxPrice: Money(amount: request.maxPrice, currency: request.priceCurrency))
        }
    }
}
