import Auth
import Fluent
import Foundation
import Platform
import SQLKit
import Trips

/// A traveler's offer to carry a request's item on one of their trips (`delivery_offers`).
public final class DeliveryOffer: Model, @unchecked Sendable {
    public static let schema = "delivery_offers"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Parent(key: "delivery_request_id") public var request: DeliveryRequest
    @Parent(key: "traveler_id") public var traveler: User
    @Parent(key: "trip_id") public var trip: Trip
    /// Minor units of `currency` (always the request's currency).
    @Field(key: "price") public var price: Int64
    @Field(key: "currency") public var currency: String
    @OptionalField(key: "message") public var message: String?
    @Field(key: "estimated_pickup_time") public var estimatedPickupTime: Date
    @Field(key: "estimated_delivery_time") public var estimatedDeliveryTime: Date
    @Enum(key: "status") public var status: OfferStatus
    @Field(key: "guarantees") public var guarantees: [String: JSONValue]
    @Field(key: "special_services") public var specialServices: [String: JSONValue]
    @Field(key: "valid_until") public var validUntil: Date
    @OptionalField(key: "accepted_at") public var acceptedAt: Date?
    @OptionalField(key: "declined_at") public var declinedAt: Date?
    @OptionalField(key: "declined_reason") public var declinedReason: String?

    public init() {}

    public init(requestId: UUID, travelerId: UUID, tripId: UUID) {
        self.$request.id = requestId
        self.$traveler.id = travelerId
        self.$trip.id = tripId
        self.status = .pending
        self.guarantees = [:]
        self.specialServices = [:]
    }
}

extension DeliveryOffer {
    /// Writes a new offer with one SQL insert: searches make instant offers while the customer waits, and
    /// Fluent's reflective `create` costs several times the insert itself.
    func insert(on db: any Database) async throws {
        let id = self.id ?? UUID()
        let now = Date()
        try await db.sqlDatabase.raw(
            """
            INSERT INTO delivery_offers (id, created_at, updated_at, delivery_request_id, traveler_id, trip_id, price,
                currency, message, estimated_pickup_time, estimated_delivery_time, status, guarantees,
                special_services, valid_until, accepted_at, declined_at, declined_reason)
            VALUES (\(bind: id), \(bind: now), \(bind: now), \(bind: $request.id), \(bind: $traveler.id),
                \(bind: $trip.id), \(bind: price), \(bind: currency), \(bind: message), \(bind: estimatedPickupTime),
                \(bind: estimatedDeliveryTime), \(bind: status.rawValue), \(bind: guarantees), \(bind: specialServices),
                \(bind: validUntil), \(bind: acceptedAt), \(bind: declinedAt), \(bind: declinedReason))
            """
        ).run()
        self.id = id
        createdAt = now
        updatedAt = now
        $id.exists = true
    }
}
