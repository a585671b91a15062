import Deliveries
import Foundation
import Platform
import Trips

/// One delivery request to seed or to match: an item from `ItemCatalogue` between two addresses near the ends
/// of a route, with the time windows and budget a customer would give.
public struct RequestPlan: Sendable {
    public var id: UUID
    public var item: DemoItem
    public var quantity: Int
    /// Kilograms of one piece.
    public var weight: Double
    /// Minor units of `currency`.
    public var value: Int64
    public var urgency: Urgency
    public var currency: String
    public var pickupAddress: String
    public var pickup: GeoPoint
    public var deliveryAddress: String
    public var delivery: GeoPoint
    public var pickupWindow: ClosedRange<Date>
    public var deliveryWindow: ClosedRange<Date>
    /// How far above the platform's recommended price the customer would go (1.2 = 20 % more).
    public var budgetFactor: Double

    /// The request as the customer would have posted it (status pending, price estimate, expiry).
    public func makeRequest(customerId: UUID, contact: String, now: Date) -> DeliveryRequest {
        let request = DeliveryRequest(customerId: customerId)
        request.id = id
        request.title = item.title
        request.category = item.category
        request.urgency = urgency
        request.itemName = item.name
        request.quantity = quantity
        request.weight = weight
        request.dimensions = .measured(
            length: item.dimensions.length, width: item.dimensions.width, height: item.dimensions.height)
        request.value = value
        request.isFragile = item.fragile
        request.isPerishable = item.perishable
        request.route(from: pickup, to: delivery)
        request.pickupAddress = pickupAddress
        request.pickupContactName = contact
        request.pickupContactPhone = "+447700900123"
        request.pickupTimeStart = pickupWindow.lowerBound
        request.pickupTimeEnd = pickupWindow.upperBound
        request.deliveryAddress = deliveryAddress
        request.deliveryContactName = "Recipient of \(contact)"
        request.deliveryContactPhone = "+33612345678"
        request.deliveryTimeStart = deliveryWindow.lowerBound
        request.deliveryTimeEnd = deliveryWindow.upperBound
        request.currency = currency
        request.priceWithDefaultFactors(at: now)
        request.maxPrice = Int64((Double(request.estimatedPrice) * budgetFactor).rounded())
        request.expiresAt = min(pickupWindow.upperBound, now.addingTimeInterval(30 * 86_400))
        return request
    }
}

/// Makes requests along a route: pickup and drop-off within a few kilometres of the two city centres, a pickup
/// window of 4 to 16 hours inside the trips' horizon, and a delivery window that closes 2 to 8 hours after the
/// journey would end (someone waiting for the item, not an open-ended errand).
public struct RequestPlanner: Sendable {
    public var horizon: TimeInterval

    public init(horizon: TimeInterval = 60 * 86_400) {
        self.horizon = horizon
    }

    public func plan(on route: DemoRoute, now: Date, using generator: inout SeededGenerator) -> RequestPlan {
        let item = generator.pick(ItemCatalogue.items)
        let currency = LocalPricing.currency(for: route.origin.countryCode)
        let start = now.addingTimeInterval(generator.double(in: 3_600...(horizon - 4 * 86_400)))
        let pickupEnd = start.addingTimeInterval(generator.double(in: 4...16) * 3_600)
        let travel = TripPlanner.hours(for: route.distanceKm < 900 ? .train : .flight, km: route.distanceKm) * 3_600
        let deliveryEnd = pickupEnd.addingTimeInterval(travel + generator.double(in: 2...8) * 3_600)
        let quantity = generator.chance(0.85) ? 1 : 2
        return RequestPlan(
            id: generator.uuid(), item: item, quantity: quantity,
            weight: (generator.double(in: item.weight) * 10).rounded() / 10,
            value: LocalPricing.minorUnits(euros: generator.double(in: item.euros).rounded(), in: currency),
            urgency: generator.chance(0.75) ? .standard : generator.pick([.express, .urgent]), currency: currency,
            pickupAddress: route.origin.label, pickup: route.origin.center.scattered(withinKm: 12, using: &generator),
            deliveryAddress: route.destination.label,
            delivery: route.destination.center.scattered(withinKm: 12, using: &generator),
            pickupWindow: start...pickupEnd, deliveryWindow: start.addingTimeInterval(travel)...deliveryEnd,
            budgetFactor: generator.double(in: 1.1...1.8))
    }
}

extension RequestPlanner {
    /// A request a given trip can carry: pickup a few kilometres from where the trip starts a little before it
    /// leaves, drop-off near where it ends, and an item the traveler accepts. Demo customers see matches at once.
    public func plan(
        fitting trip: TripPlan, now: Date, using generator: inout SeededGenerator
    ) -> RequestPlan {
        let restrictions = trip.restrictions
        let fitting = ItemCatalogue.items.filter { item in
            restrictions.accepts(item.category) && (restrictions.fragileOk || !item.fragile)
                && (restrictions.perishableOk || !item.perishable)
                && item.weight.lowerBound <= min(restrictions.maxItemWeight ?? .infinity, trip.weightCapacity)
                && item.dimensions.length * item.dimensions.width * item.dimensions.height / 1_000
                    <= trip.volumeCapacity
                && LocalPricing.minorUnits(euros: item.euros.lowerBound, in: trip.currency)
                    <= restrictions.maxItemValue ?? .max
        }
        let item = fitting.isEmpty ? ItemCatalogue.items[0] : generator.pick(fitting)
        let heaviest = min(item.weight.upperBound, restrictions.maxItemWeight ?? .infinity, trip.weightCapacity)
        let dearest = min(
            LocalPricing.minorUnits(euros: item.euros.upperBound, in: trip.currency), restrictions.maxItemValue ?? .max)
        let cheapest = min(LocalPricing.minorUnits(euros: item.euros.lowerBound, in: trip.currency), dearest)
        let pickupStart = max(
            trip.departure.addingTimeInterval(-generator.double(in: 6...36) * 3_600), now.addingTimeInterval(600))
        return RequestPlan(
            id: generator.uuid(), item: item, quantity: 1,
            weight: max(
                0.1,
                (generator.double(in: item.weight.lowerBound...max(item.weight.lowerBound, heaviest)) * 10)
                    .rounded(.down) / 10),
            value: Int64.random(in: cheapest...dearest, using: &generator), urgency: .standard,
            currency: trip.currency, pickupAddress: trip.originAddress,
            pickup: trip.origin.scattered(withinKm: 8, using: &generator), deliveryAddress: trip.destinationAddress,
            delivery: trip.destination.scattered(withinKm: 8, using: &generator),
            pickupWindow: min(
                pickupStart, trip.departure)...trip.departure.addingTimeInterval(
                    generator.double(in: 2...24) * 3_600),
            deliveryWindow: trip.arrival.addingTimeInterval(
                -3_600)...trip.arrival.addingTimeInterval(
                    generator.double(in: 12...48) * 3_600),
            budgetFactor: generator.double(in: 1.3...2))
    }
}
