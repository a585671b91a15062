import Foundation
import Platform

/// Validates a `TripInput` and applies it to a new or existing trip, collecting every broken rule into one 422.
///
/// Creation requires the essentials; an update applies only the fields it carries, then the whole trip is
/// checked again (an update that moves only the arrival must still land after the departure).
struct TripEditor {
    static let maxDuration: TimeInterval = 14 * 24 * 3600
    static let maxLeadTime: TimeInterval = 365 * 24 * 3600
    static let maxVolumeLitres = 2000.0
    static let maxItems = 50
    static let multiplierRange = 1.0...5.0
    /// The most any one price field may be, in minor units.
    static let maxPrice: Int64 = 100_000_000

    let now: Date
    let geocoder: any Geocoder
    /// The traveler's preferred currency, used when a new trip names none.
    let defaultCurrency: String
    /// Set when a capacity change would drop below what is reserved (a 422 of its own, after the rules).
    private var capacityBelowReserved: [String] = []

    init(now: Date, geocoder: any Geocoder, defaultCurrency: String) {
        self.now = now
        self.geocoder = geocoder
        self.defaultCurrency = defaultCurrency
    }

    /// Applies `input` to `trip`; returns the groups of fields that changed.
    @discardableResult
    mutating func apply(_ input: TripInput, to trip: Trip, isNew: Bool) async throws -> Set<String> {
        var check = RuleCheck()
        var changes: Set<String> = []
        applyDetails(input, to: trip, isNew: isNew, check: &check, changes: &changes)
        try await applyRoute(input, to: trip, isNew: isNew, check: &check, changes: &changes)
        applySchedule(input, to: trip, isNew: isNew, check: &check, changes: &changes)
        applyCapacity(input.capacity, to: trip, isNew: isNew, check: &check, changes: &changes)
        applyPricing(input, to: trip, isNew: isNew, check: &check, changes: &changes)
        applyRestrictions(input.restrictions, to: trip, check: &check, changes: &changes)
        if !isNew, input.isRecurring != nil || input.recurringPattern != nil {
            check.fail("isRecurring and recurringPattern can only be set when the trip is created")
        }
        try check.throwIfBroken()
        if !capacityBelowReserved.isEmpty { throw TripsError.capacityBelowReserved(capacityBelowReserved) }
        return changes
    }

    private func applyDetails(
        _ input: TripInput, to trip: Trip, isNew: Bool, check: inout RuleCheck, changes: inout Set<String>
    ) {
        if let title = input.title?.trimmed {
            check.require((3...120).contains(title.count), "title must be 3 to 120 characters")
            trip.title = title
            changes.insert("details")
        } else if isNew {
            check.fail("title is required")
        }
        if let description = input.description?.trimmed {
            check.require(description.count <= 2000, "description must be at most 2000 characters")
            trip.description = description.isEmpty ? nil : description
            changes.insert("details")
        }
        if let raw = input.tripType {
            if let type = TripType(rawValue: raw) {
                trip.tripType = type
            } else {
                check.fail("tripType must be one of \(TripType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            changes.insert("details")
        } else if isNew {
            check.fail("tripType is required")
        }
        if let raw = input.visibility {
            if let visibility = TripVisibility(rawValue: raw) {
                trip.visibility = visibility
            } else {
                check.fail("visibility must be public or private")
            }
            changes.insert("details")
        }
        if let tags = input.tags {
            trip.tags = TextRules.tags(tags, into: &check)
            changes.insert("details")
        }
        if let preferences = input.preferences {
            let size = (try? JSONEncoder().encode(preferences).count) ?? 0
            check.require(size <= 4096, "preferences must be at most 4096 bytes of JSON")
            trip.preferences = preferences
            changes.insert("details")
        }
        if let autoAccept = input.autoAccept {
            trip.autoAccept = autoAccept
            changes.insert("pricing")
        }
        if let price = input.autoAcceptPrice {
            check.require(
                (0...Self.maxPrice).contains(price), "autoAcceptPrice must be 0 to \(Self.maxPrice) minor units")
            trip.autoAcceptPrice = price
            changes.insert("pricing")
        }
        if trip.autoAccept, trip.autoAcceptPrice == nil {
            check.fail("autoAcceptPrice is required when autoAccept is true")
        }
    }

    private func applySchedule(
        _ input: TripInput, to trip: Trip, isNew: Bool, check: inout RuleCheck, changes: inout Set<String>
    ) {
        guard isNew || input.departureTime != nil || input.arrivalTime != nil else { return }
        let departure =
            input.departureTime == nil && !isNew
            ? trip.departureTime : ISOTimestamp.parse(input.departureTime, field: "departureTime", into: &check)
        let arrival =
            input.arrivalTime == nil && !isNew
            ? trip.arrivalTime : ISOTimestamp.parse(input.arrivalTime, field: "arrivalTime", into: &check)
        guard let departure, let arrival else { return }
        check.require(departure > now, "departureTime must be in the future")
        check.require(departure <= now.addingTimeInterval(Self.maxLeadTime), "departureTime must be within a year")
        check.require(arrival > departure, "arrivalTime must be after departureTime")
        check.require(
            arrival.timeIntervalSince(departure) <= Self.maxDuration, "a trip may last at most 14 days")
        trip.schedule(departure: departure, arrival: arrival)
        changes.insert("schedule")
    }

    private mutating func applyCapacity(
        _ input: CapacityInput?, to trip: Trip, isNew: Bool, check: inout RuleCheck, changes: inout Set<String>
    ) {
        guard let input else {
            if isNew { check.fail("capacity is required") }
            return
        }
        let type = trip.$tripType.value ?? .other
        let weight = input.weight?.roundedCapacity ?? (isNew ? nil : trip.weightCapacity)
        let volume = input.volume?.roundedCapacity ?? (isNew ? 0 : trip.volumeCapacity)
        let items = input.items ?? (isNew ? 1 : trip.itemCapacity)
        guard let weight else { return check.fail("capacity.weight is required") }
        check.require(
            weight > 0 && weight <= type.maxWeightKg,
            "capacity.weight must be more than 0 and at most \(Int(type.maxWeightKg)) kg for a \(type.rawValue) trip")
        check.require(
            volume >= 0 && volume <= Self.maxVolumeLitres,
            "capacity.volume must be between 0 and \(Int(Self.maxVolumeLitres)) litres")
        check.require((1...Self.maxItems).contains(items), "capacity.items must be between 1 and \(Self.maxItems)")
        if isNew {
            trip.weightCapacity = weight
            trip.volumeCapacity = volume
            trip.itemCapacity = items
            trip.availableWeight = weight
            trip.availableVolume = volume
            trip.availableItems = items
        } else {
            var below: [String] = []
            if weight + TripCapacity.tolerance < trip.reservedWeight {
                below.append("capacity.weight: \(trip.reservedWeight.roundedCapacity) kg is already reserved")
            }
            if volume + TripCapacity.tolerance < trip.reservedVolume {
                below.append("capacity.volume: \(trip.reservedVolume.roundedCapacity) l is already reserved")
            }
            if items < trip.reservedItems { below.append("capacity.items: \(trip.reservedItems) already reserved") }
            guard below.isEmpty else { return capacityBelowReserved = below }
            // Free space moves with the capacity; what is reserved stays reserved.
            trip.availableWeight = (weight - trip.reservedWeight).roundedCapacity
            trip.availableVolume = (volume - trip.reservedVolume).roundedCapacity
            trip.availableItems = items - trip.reservedItems
            trip.weightCapacity = weight
            trip.volumeCapacity = volume
            trip.itemCapacity = items
        }
        changes.insert("capacity")
    }

    private func applyPricing(
        _ input: TripInput, to trip: Trip, isNew: Bool, check: inout RuleCheck, changes: inout Set<String>
    ) {
        let pricing = input.pricing
        if isNew {
            trip.currency = defaultCurrency
            trip.basePrice = 0
            trip.pricePerKg = 0
            trip.pricePerKm = 0
            trip.expressMultiplier = 1.5
            trip.fragileMultiplier = 1.25
            if pricing?.basePrice == nil { check.fail("pricing.basePrice is required") }
        }
        guard let pricing else { return }
        if let code = pricing.currency {
            if let currency = Currency(code: code.uppercased()) {
                trip.currency = currency.code
            } else {
                check.fail("pricing.currency must be an ISO 4217 currency code the platform supports")
            }
        }
        let limit = Self.maxPrice
        for (field, value) in [
            ("basePrice", pricing.basePrice), ("pricePerKg", pricing.pricePerKg), ("pricePerKm", pricing.pricePerKm),
        ] {
            if let value {
                check.require((0...limit).contains(value), "pricing.\(field) must be 0 to \(limit) minor units")
            }
        }
        for (field, value) in [
            ("expressMultiplier", pricing.expressMultiplier), ("fragileMultiplier", pricing.fragileMultiplier),
        ] {
            if let value {
                check.require(Self.multiplierRange.contains(value), "pricing.\(field) must be between 1 and 5")
            }
        }
        trip.basePrice = pricing.basePrice ?? trip.basePrice
        trip.pricePerKg = pricing.pricePerKg ?? trip.pricePerKg
        trip.pricePerKm = pricing.pricePerKm ?? trip.pricePerKm
        trip.expressMultiplier = pricing.expressMultiplier ?? trip.expressMultiplier
        trip.fragileMultiplier = pricing.fragileMultiplier ?? trip.fragileMultiplier
        changes.insert("pricing")
    }

    private func applyRestrictions(
        _ input: RestrictionsInput?, to trip: Trip, check: inout RuleCheck, changes: inout Set<String>
    ) {
        guard let input else { return }
        var restrictions = trip.restrictions
        if let raw = input.acceptedCategories {
            let categories = raw.compactMap(ItemCategory.init(rawValue:))
            check.require(
                categories.count == raw.count, "restrictions.acceptedCategories must be among \(ItemCategory.list)")
            restrictions.acceptedCategories = categories
        }
        if let value = input.maxItemValue {
            check.require(
                (1...Self.maxPrice).contains(value),
                "restrictions.maxItemValue must be more than 0 and at most \(Self.maxPrice) minor units")
            restrictions.maxItemValue = value
        }
        if let weight = input.maxItemWeight {
            check.require(
                weight > 0 && weight <= (trip.$weightCapacity.value ?? 0),
                "restrictions.maxItemWeight must be more than 0 and at most the trip's weight capacity")
            restrictions.maxItemWeight = weight.roundedCapacity
        }
        if let notes = input.notes?.trimmed {
            check.require(notes.count <= 500, "restrictions.notes must be at most 500 characters")
            restrictions.notes = notes.isEmpty ? nil : notes
        }
        restrictions.fragileOk = input.fragileOk ?? restrictions.fragileOk
        restrictions.perishableOk = input.perishableOk ?? restrictions.perishableOk
        trip.restrictions = restrictions
        changes.insert("restrictions")
    }
}
