import Fluent
import Foundation

/// An identity at an OpenID Connect provider linked to a user (`user_social_accounts`).
public final class SocialAccount: Model, @unchecked Sendable {
    public static let schema = "user_social_accounts"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var linkedAt: Date?
    @Parent(key: "user_id") public var user: User
    @Field(key: "provider") public var provider: String
    /// The provider's `sub` claim.
    @Field(key: "provider_user_id") public var providerUserId: String
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?

    public init() {}

    public init(userId: UUID, provider: String, providerUserId: String, email: String?) {
        self.$user.id = userId
        self.provider = provider
        self.providerUserId = providerUserId
        self.email = email
    }
}
