import Auth
import Fluent
import Foundation

/// A reusable trip shape a traveler starts new trips from (`trip_templates`).
///
/// `trip_data` holds the fields of a `TripInput` except the schedule: validated by the trip rules on every save
/// and stored normalized (coordinates located, currency explicit), so a template always makes a valid trip once
/// it is given times. `description`, `category` and `is_public` are not in the seed schema.
public final class TripTemplate: Model, @unchecked Sendable {
    public static let schema = "trip_templates"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Parent(key: "user_id") public var user: User
    @Field(key: "name") public var name: String
    @OptionalField(key: "description") public var description: String?
    @Field(key: "category") public var category: String
    /// Public templates are readable (and usable) by every member; private ones by their owner only.
    @Field(key: "is_public") public var isPublic: Bool
    @Field(key: "trip_data") public var tripData: TripInput
    @Field(key: "usage_count") public var usageCount: Int
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?

    public init() {}

    init(userId: UUID) {
        self.$user.id = userId
        self.usageCount = 0
        self.isPublic = false
        self.category = TemplateRules.defaultCategory
    }
}
