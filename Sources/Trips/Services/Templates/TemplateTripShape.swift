import Foundation
import Platform

/// A template's trip data: validated with the trip rules (`TripEditor`) and normalized from the trip they built.
///
/// Templates have no schedule, so the editor is given a placeholder one (tomorrow, one hour long) that passes
/// the schedule rules; every other rule applies exactly as it does to a new trip.
enum TemplateTripShape {
    /// Returns the normalized data, or a 422 whose entries are prefixed with `tripData.`.
    static func normalize(
        _ input: TripInput, now: Date, geocoder: any Geocoder, currency: String
    ) async throws
        -> TripInput
    {
        var check = RuleCheck()
        if input.departureTime != nil || input.arrivalTime != nil {
            check.fail("tripData cannot hold departureTime or arrivalTime: give them when creating a trip")
        }
        if input.isRecurring != nil || input.recurringPattern != nil {
            check.fail("tripData cannot hold isRecurring or recurringPattern: give them when creating a trip")
        }
        var scheduled = input
        let formatter = ISO8601DateFormatter()
        scheduled.departureTime = formatter.string(from: now.addingTimeInterval(24 * 3600))
        scheduled.arrivalTime = formatter.string(from: now.addingTimeInterval(25 * 3600))
        scheduled.isRecurring = nil
        scheduled.recurringPattern = nil
        // The traveler id is never stored: the trip only carries the editor's output.
        let trip = Trip(travelerId: UUID())
        var editor = TripEditor(now: now, geocoder: geocoder, defaultCurrency: currency)
        do {
            try await editor.apply(scheduled, to: trip, isNew: true)
        } catch let error as APIError where error.code == "VALIDATION_ERROR" {
            for problem in error.details { check.fail("tripData.\(problem)") }
        }
        try check.throwIfBroken()
        return trip.templateData
    }
}

extension Trip {
    /// The trip's shape as template data: every field of a `TripInput` but the schedule and recurrence.
    var templateData: TripInput {
        TripInput(
            title: title, description: description, tripType: tripType.rawValue,
            origin: PlaceInput(originPlace), destination: PlaceInput(destinationPlace),
            capacity: CapacityInput(weight: weightCapacity, volume: volumeCapacity, items: itemCapacity),
            pricing: PricingInput(
                basePrice: basePrice, pricePerKg: pricePerKg, pricePerKm: pricePerKm,
                expressMultiplier: expressMultiplier, fragileMultiplier: fragileMultiplier, currency: currency),
            restrictions: RestrictionsInput(
                acceptedCategories: restrictions.acceptedCategories.map(\.rawValue),
                maxItemValue: restrictions.maxItemValue, fragileOk: restrictions.fragileOk,
                perishableOk: restrictions.perishableOk, maxItemWeight: restrictions.maxItemWeight,
                notes: restrictions.notes),
            preferences: preferences.isEmpty ? nil : preferences, visibility: visibility.rawValue,
            autoAccept: autoAccept, autoAcceptPrice: autoAcceptPrice, tags: tags.isEmpty ? nil : tags)
    }
}

extension PlaceInput {
    init(_ place: TripPlace) {
        self.init(
            address: place.address, coordinates: place.coordinates, airport: place.airport, terminal: place.terminal,
            details: place.details)
    }
}

extension TripInput {
    /// This data with every field `overrides` carries on top. Capacity, pricing and restrictions merge field by
    /// field; an origin or destination replaces the whole place, because a new address must not keep the old
    /// coordinates.
    func overlaid(by overrides: TripInput) -> TripInput {
        var merged = self
        merged.title = overrides.title ?? title
        merged.description = overrides.description ?? description
        merged.tripType = overrides.tripType ?? tripType
        merged.origin = overrides.origin ?? origin
        merged.destination = overrides.destination ?? destination
        merged.departureTime = overrides.departureTime ?? departureTime
        merged.arrivalTime = overrides.arrivalTime ?? arrivalTime
        merged.capacity = capacity.overlaid(by: overrides.capacity)
        merged.pricing = pricing.overlaid(by: overrides.pricing)
        merged.restrictions = restrictions.overlaid(by: overrides.restrictions)
        merged.preferences = overrides.preferences ?? preferences
        merged.visibility = overrides.visibility ?? visibility
        merged.autoAccept = overrides.autoAccept ?? autoAccept
        merged.autoAcceptPrice = overrides.autoAcceptPrice ?? autoAcceptPrice
        merged.tags = overrides.tags ?? tags
        merged.isRecurring = overrides.isRecurring ?? isRecurring
        merged.recurringPattern = overrides.recurringPattern ?? recurringPattern
        return merged
    }
}

extension Optional where Wrapped == CapacityInput {
    fileprivate func overlaid(by overrides: CapacityInput?) -> CapacityInput? {
        guard let overrides else { return self }
        guard let base = self else { return overrides }
        return CapacityInput(
            weight: overrides.weight ?? base.weight, volume: overrides.volume ?? base.volume,
            items: overrides.items ?? base.items)
    }
}

extension Optional where Wrapped == PricingInput {
    fileprivate func overlaid(by overrides: PricingInput?) -> PricingInput? {
        guard let overrides else { return self }
        guard let base = self else { return overrides }
        return PricingInput(
            basePrice: overrides.basePrice ?? base.basePrice, pricePerKg: overrides.pricePerKg ?? base.pricePerKg,
            pricePerKm: overrides.pricePerKm ?? base.pricePerKm,
            expressMultiplier: overrides.expressMultiplier ?? base.expressMultiplier,
            fragileMultiplier: overrides.fragileMultiplier ?? base.fragileMultiplier,
            currency: overrides.currency ?? base.currency)
    }
}

extension Optional where Wrapped == RestrictionsInput {
    fileprivate func overlaid(by overrides: RestrictionsInput?) -> RestrictionsInput? {
        guard let overrides else { return self }
        guard let base = self else { return overrides }
        return RestrictionsInput(
            acceptedCategories: overrides.acceptedCategories ?? base.acceptedCategories,
            maxItemValue: overrides.maxItemValue ?? base.maxItemValue, fragileOk: overrides.fragileOk ?? base.fragileOk,
            perishableOk: overrides.perishableOk ?? base.perishableOk,
            maxItemWeight: overrides.maxItemWeight ?? base.maxItemWeight, notes: overrides.notes ?? base.notes)
    }
}
