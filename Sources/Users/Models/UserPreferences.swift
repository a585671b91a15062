import Auth
import Fluent
import Foundation
import Platform

/// A user's settings (`user_preferences`), one JSON object per category.
final class UserPreferences: Model, @unchecked Sendable {
    static let schema = "user_preferences"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Parent(key: "user_id") var user: User
    @Field(key: "notification_settings") var notificationSettings: [String: JSONValue]
    @Field(key: "privacy_settings") var privacySettings: [String: JSONValue]
    @Field(key: "location_settings") var locationSettings: [String: JSONValue]
    @Field(key: "payment_settings") var paymentSettings: [String: JSONValue]

    init() {}

    /// A row holding the catalogue's defaults.
    init(userId: UUID) {
        self.$user.id = userId
        for category in PreferenceCategory.allCases {
            self[category] = category.defaults
        }
    }

    /// One category's settings.
    subscript(category: PreferenceCategory) -> [String: JSONValue] {
        get {
            switch category {
            case .notification: notificationSettings
            case .privacy: privacySettings
            case .location: locationSettings
            case .payment: paymentSettings
            }
        }
        set {
            switch category {
            case .notification: notificationSettings = newValue
            case .privacy: privacySettings = newValue
            case .location: locationSettings = newValue
            case .payment: paymentSettings = newValue
            }
        }
    }
}
