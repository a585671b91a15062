import Foundation
import Platform
import Vapor

/// An amount of capacity as a client sends it (check and reserve).
struct CapacityAmountInput: Content {
    /// Kilograms.
    var weight: Double
    /// Litres; 0 when absent.
    var volume: Double?
    /// 1 when absent.
    var items: Int?
    /// What the space is for (reserve only).
    var note: String?

    /// The amount, every broken rule reported at once.
    func amount() throws -> CapacityAmount {
        var check = RuleCheck()
        check.require(weight >= 0 && weight <= 500, "weight must be between 0 and 500 kg")
        check.require((volume ?? 0) >= 0 && (volume ?? 0) <= 2000, "volume must be between 0 and 2000 litres")
        check.require((1...50).contains(items ?? 1), "items must be between 1 and 50")
        check.require(weight > 0 || (volume ?? 0) > 0, "weight or volume must be more than 0")
        try check.throwIfBroken()
        return CapacityAmount(weight: weight.roundedCapacity, volume: (volume ?? 0).roundedCapacity, items: items ?? 1)
    }
}

/// Which hold to give back: a reservation id, or the delivery a hold is for (refused: see `CapacityService`).
struct CapacityReleaseInput: Content {
    var reservationId: UUID?
    var deliveryId: UUID?
}

/// `GET /trips/{id}/capacity`.
struct CapacityStatus: Content {
    var tripId: UUID
    var status: TripStatus
    var capacity: CapacityAmount
    var available: CapacityAmount
    var reserved: CapacityAmount
    /// Share of the weight capacity in use, 0…1.
    var utilization: Double
    var bookable: Bool
    /// Held reservations; shown to the trip's traveler only.
    var reservations: [ReservationResponse]?
}

/// `POST /trips/{id}/capacity/check`.
struct CapacityCheckResult: Content {
    var fits: Bool
    var bookable: Bool
    var requested: CapacityAmount
    var available: CapacityAmount
    var shortfalls: [String]
}
