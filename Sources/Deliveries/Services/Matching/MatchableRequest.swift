import Fluent
import Foundation
import Platform
import SQLKit
import Trips

/// The columns of a delivery request that matching reads, straight through SQL (a full model is sixty columns
/// through Fluent's reflection, more than the matching itself costs), written as plain text: every search
/// runs it, and a query builder would quote and escape each of the 28 names every time.
public struct MatchableRequest: Sendable {
    public var id: UUID
    public var customerId: UUID
    public var status: DeliveryRequestStatus
    public var expiresAt: Date
    public var autoAcceptPrice: Int64?
    public var preferredTravelers: [UUID]
    public var blacklistedTravelers: [UUID]
    public var verificationRequired: Bool
    public var backgroundCheckRequired: Bool
    /// What the request asks of a trip; the search radius and the traveler sets are the caller's to fill.
    public var criteria: MatchCriteria

    public static func load(_ id: UUID, on db: any Database) async throws -> MatchableRequest? {
        guard
            let row = try await db.sqlDatabase.raw(
                """
                SELECT id, customer_id, status, expires_at, pickup_lat, pickup_lng, delivery_lat, delivery_lng,
                    pickup_time_start, pickup_time_end, delivery_time_start, delivery_time_end, weight, quantity,
                    dimensions, category, value, currency, is_fragile, is_perishable, urgency, max_price,
                    auto_accept_price, min_traveler_rating, preferred_travelers, blacklisted_travelers,
                    verification_required, background_check_required
                FROM delivery_requests WHERE id = \(bind: id)
                """
            ).first()
        else { return nil }
        func column<T: Decodable>(_ name: String, _ type: T.Type = T.self) throws -> T {
            try row.decode(column: name, as: T.self)
        }
        guard let status = DeliveryRequestStatus(rawValue: try column("status")),
            let category = ItemCategory(rawValue: try column("category")),
            let urgency = Urgency(rawValue: try column("urgency"))
        else { return nil }
        let weight: Double = try column("weight")
        let quantity: Int = try column("quantity")
        let dimensions: DeliveryRequest.Dimensions? = try column("dimensions")
        return MatchableRequest(
            id: id, customerId: try column("customer_id"), status: status, expiresAt: try column("expires_at"),
            autoAcceptPrice: try column("auto_accept_price"), preferredTravelers: try column("preferred_travelers"),
            blacklistedTravelers: try column("blacklisted_travelers"),
            verificationRequired: try column("verification_required"),
            backgroundCheckRequired: try column("background_check_required"),
            criteria: MatchCriteria(
                pickup: GeoPoint(lat: try column("pickup_lat"), lng: try column("pickup_lng")),
                delivery: GeoPoint(lat: try column("delivery_lat"), lng: try column("delivery_lng")), radiusKm: 0,
                pickupWindow: try column("pickup_time_start", Date.self)...column("pickup_time_end", Date.self),
                deliveryWindow: try column("delivery_time_start", Date.self)...column("delivery_time_end", Date.self),
                capacity: CapacityAmount(
                    weight: (weight * Double(quantity)).roundedCapacity,
                    volume: ((dimensions?.volume ?? 0) * Double(quantity)).roundedCapacity, items: quantity),
                pieceWeight: weight, category: category, value: try column("value"),
                currency: try column("currency"), fragile: try column("is_fragile"),
                perishable: try column("is_perishable"), urgency: urgency, maxPrice: try column("max_price"),
                minRating: try column("min_traveler_rating"), excludedTravelers: [], preferredTravelers: []))
    }
}
