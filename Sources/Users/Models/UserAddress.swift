import Auth
import Fluent
import Foundation
import Platform

/// A saved address (`user_addresses`) for pickups and deliveries; one per user is the default.
final class UserAddress: Model, @unchecked Sendable {
    static let schema = "user_addresses"

    /// `user_addresses.type`.
    enum Kind: String, Codable, Sendable, CaseIterable {
        case home, work, pickup, delivery, other
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Parent(key: "user_id") var user: User
    @Enum(key: "type") var type: Kind
    @OptionalField(key: "label") var label: String?
    @Field(key: "street") var street: String
    @Field(key: "city") var city: String
    @OptionalField(key: "state") var state: String?
    @OptionalField(key: "postal_code") var postalCode: String?
    /// ISO 3166-1 alpha-2 code.
    @Field(key: "country") var country: String
    /// The schema's `geography coordinates`, portable across SQLite and PostgreSQL as `{ lat, lng }` JSON.
    @Field(key: "coordinates") private(set) var coordinates: GeoPoint
    /// Copies of `coordinates` as plain columns so a bounding box can be filtered with an index.
    @Field(key: "latitude") private(set) var latitude: Double
    @Field(key: "longitude") private(set) var longitude: Double
    @Field(key: "is_default") var isDefault: Bool
    /// Delivery instructions (door code, floor); not in the seed schema, asked for by the address flow.
    @OptionalField(key: "instructions") var instructions: String?

    init() {}

    init(userId: UUID) {
        self.$user.id = userId
        self.isDefault = false
    }

    /// The only way to set the location, so the indexed copies never drift from `coordinates`.
    func place(at point: GeoPoint) {
        coordinates = point
        latitude = point.lat
        longitude = point.lng
    }
}
