import Foundation

/// What an `EntityID` identifies; the kinds are empty enums, never instantiated.
public protocol EntityKind {}

/// An identifier that knows what it identifies, so a trip's id cannot be passed where a delivery's or a user's
/// is expected: `reserve(_:on: TripID, for: DeliveryID?, by: UserID)` does not compile with its ids swapped.
/// It encodes as the bare UUID, so JSON and event payloads are unchanged.
public struct EntityID<Kind: EntityKind>: Hashable, Sendable, Codable, CustomStringConvertible {
    public let uuid: UUID

    public init(_ uuid: UUID) {
        self.uuid = uuid
    }

    public init(from decoder: any Decoder) throws {
        uuid = try decoder.singleValueContainer().decode(UUID.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(uuid)
    }

    public var description: String { uuid.uuidString }
}

public enum UserKind: EntityKind {}
public enum UserSessionKind: EntityKind {}
public enum TripKind: EntityKind {}
public enum TripTemplateKind: EntityKind {}
public enum CapacityReservationKind: EntityKind {}
public enum DeliveryRequestKind: EntityKind {}
public enum OfferKind: EntityKind {}
public enum DeliveryKind: EntityKind {}
public enum ReviewKind: EntityKind {}
public enum AddressKind: EntityKind {}

public typealias UserID = EntityID<UserKind>
public typealias UserSessionID = EntityID<UserSessionKind>
public typealias TripID = EntityID<TripKind>
public typealias TripTemplateID = EntityID<TripTemplateKind>
public typealias CapacityReservationID = EntityID<CapacityReservationKind>
public typealias DeliveryRequestID = EntityID<DeliveryRequestKind>
public typealias OfferID = EntityID<OfferKind>
public typealias DeliveryID = EntityID<DeliveryKind>
public typealias ReviewID = EntityID<ReviewKind>
public typealias AddressID = EntityID<AddressKind>

extension Principal {
    /// The acting user's id, typed.
    public var user: UserID { UserID(userId) }
}
