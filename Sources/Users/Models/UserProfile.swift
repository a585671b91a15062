import Auth
import Fluent
import Foundation

/// The parts of a person's profile the `users` table has no room for (`user_profiles`): bio, languages and
/// the stored profile picture. Created with the account (on `UserRegistered`).
final class UserProfile: Model, @unchecked Sendable {
    static let schema = "user_profiles"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Parent(key: "user_id") var user: User
    @OptionalField(key: "bio") var bio: String?
    /// `FileStore` key of the current picture; never shown to clients.
    @OptionalField(key: "profile_picture_key") var profilePictureKey: String?
    @OptionalField(key: "profile_picture_content_type") var profilePictureContentType: String?
    /// Languages the person speaks, as language tags (`en`, `pt-BR`).
    @Field(key: "languages") var languages: [String]

    init() {}

    init(userId: UUID) {
        self.$user.id = userId
        self.languages = []
    }
}
