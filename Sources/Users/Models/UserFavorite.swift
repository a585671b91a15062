import Auth
import Fluent
import Foundation

/// A customer's preferred traveler (`user_favorites`); matching ranks favorites first among equals.
final class UserFavorite: Model, @unchecked Sendable {
    static let schema = "user_favorites"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "added_at") var addedAt: Date

    // data fields
    @Parent(key: "customer_id") var customer: User
    @Parent(key: "traveler_id") var traveler: User

    init() {}

    init(customerId: UUID, travelerId: UUID, addedAt: Date) {
        self.$customer.id = customerId
        self.$traveler.id = travelerId
        self.addedAt = addedAt
    }
}
