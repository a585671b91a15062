import Fluent
import Foundation

/// One hold on a trip's capacity (`trip_capacity_reservations`, not in the seed schema).
///
/// The trip's `available_*` columns are the source of truth for what is free; these rows say who holds the
/// rest, so a release gives back exactly what its reservation took and never more.
public final class CapacityReservation: Model, @unchecked Sendable {
    public static let schema = "trip_capacity_reservations"

    public enum Status: String, Codable, Sendable {
        case held, released
    }

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date

    // data fields
    @Parent(key: "trip_id") public var trip: Trip
    /// The delivery the space is for; nil for space the traveler set aside by hand.
    @OptionalField(key: "delivery_id") public var deliveryId: UUID?
    @Field(key: "reserved_by") public var reservedBy: UUID
    @Field(key: "weight") public var weight: Double
    @Field(key: "volume") public var volume: Double
    @Field(key: "items") public var items: Int
    @Enum(key: "status") public var status: Status
    @OptionalField(key: "note") public var note: String?
    @OptionalField(key: "released_at") public var releasedAt: Date?

    public init() {}

    init(tripId: UUID, amount: CapacityAmount, deliveryId: UUID?, reservedBy: UUID, note: String?, at date: Date) {
        self.$trip.id = tripId
        self.deliveryId = deliveryId
        self.reservedBy = reservedBy
        self.weight = amount.weight
        self.volume = amount.volume
        self.items = amount.items
        self.status = .held
        self.note = note
        self.createdAt = date
    }

    public var amount: CapacityAmount { CapacityAmount(weight: weight, volume: volume, items: items) }
}

/// An amount of trip capacity: kilograms, litres and items.
public struct CapacityAmount: Codable, Sendable, Equatable {
    public var weight: Double
    public var volume: Double
    public var items: Int

    public init(weight: Double, volume: Double = 0, items: Int = 1) {
        self.weight = weight
        self.volume = volume
        self.items = items
    }
}
