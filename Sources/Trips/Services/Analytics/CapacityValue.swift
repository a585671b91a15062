import Foundation
import Platform

/// What capacity is worth at a trip's prices, sold as standard items (neither express nor fragile): each item
/// pays the base price plus the per-km price over the trip's distance, and each kilogram the per-kg price.
/// Fractions of a minor unit round half to even.
enum CapacityValue {
    static func of(items: Int, weightKg: Double, on trip: Trip) throws -> Money {
        let currency = trip.priceCurrency
        // Kilometres to one decimal and kilograms to the gram, as the API shows them.
        let distance = Decimal((trip.distanceKm * 10).rounded()) / 10
        let weight = Decimal((weightKg * 1000).rounded()) / 1000
        let perItem = try Money(amount: trip.basePrice, currency: currency)
            .adding(Money(amount: trip.pricePerKm, currency: currency).multiplied(by: distance))
        let byItems = try perItem.multiplied(by: Decimal(items))
        let byWeight = try Money(amount: trip.pricePerKg, currency: currency).multiplied(by: weight)
        return try byItems.adding(byWeight)
    }
}

/// One trip's utilization, reservations and revenue potential.
struct TripPerformanceReport {
    static func make(for trip: Trip, held: Int, released: Int) throws -> TripPerformance {
        let reservedWeight = trip.reservedWeight
        let reservedVolume = trip.reservedVolume
        let reservedItems = trip.reservedItems
        return TripPerformance(
            tripId: try trip.requireID(), status: trip.status, distanceKm: (trip.distanceKm * 10).rounded() / 10,
            departureTime: trip.departureTime,
            capacity: CapacityUsage(
                offered: CapacityAmount(
                    weight: trip.weightCapacity, volume: trip.volumeCapacity, items: trip.itemCapacity),
                reserved: CapacityAmount(
                    weight: reservedWeight.roundedCapacity, volume: reservedVolume.roundedCapacity, items: reservedItems
                ),
                utilization: CapacityUsage.Utilization(
                    weight: TripTotals.share(reservedWeight, of: trip.weightCapacity),
                    volume: TripTotals.share(reservedVolume, of: trip.volumeCapacity),
                    items: TripTotals.share(Double(reservedItems), of: Double(trip.itemCapacity)))),
            available: trip.available,
            reservations: TripPerformance.Reservations(held: held, released: released),
            revenuePotential: TripPerformance.Revenue(
                reserved: try CapacityValue.of(items: reservedItems, weightKg: reservedWeight, on: trip),
                remaining: try CapacityValue.of(items: trip.availableItems, weightKg: trip.availableWeight, on: trip),
                fullCapacity: try CapacityValue.of(items: trip.itemCapacity, weightKg: trip.weightCapacity, on: trip)))
    }
}
