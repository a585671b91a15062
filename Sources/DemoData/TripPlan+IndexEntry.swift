import Trips

extension TripIndexEntry {
    /// The entry the loader would read back for a freshly written plan.
    public init(plan: TripPlan) {
        self.init(
            id: plan.id, travelerId: plan.travelerId, originLat: plan.origin.lat, originLng: plan.origin.lng,
            destinationLat: plan.destination.lat, destinationLng: plan.destination.lng,
            departure: plan.departure.timeIntervalSince1970, arrival: plan.arrival.timeIntervalSince1970,
            availableWeight: Float(plan.weightCapacity), availableVolume: Float(plan.volumeCapacity),
            availableItems: Int32(plan.itemCapacity), distanceKm: Float(plan.distanceKm), currency: plan.currency,
            basePrice: plan.basePrice, pricePerKg: plan.pricePerKg, pricePerKm: plan.pricePerKm,
            expressMultiplier: Float(plan.expressMultiplier), fragileMultiplier: Float(plan.fragileMultiplier),
            restrictions: plan.restrictions)
    }
}
