import Auth
import Fluent
import Foundation

/// An SMS code sent to prove a phone number (`phone_verifications`); the verified row of the user's current
/// number is the "phone verified" fact.
final class PhoneVerification: Model, @unchecked Sendable {
    static let schema = "phone_verifications"

    // managed fields
    @ID(key: .id) var id: UUID?
    /// Set from the application clock: the resend cool-down is measured from it.
    @Field(key: "created_at") var createdAt: Date

    // data fields
    @Parent(key: "user_id") var user: User
    /// E.164.
    @Field(key: "phone_number") var phoneNumber: String
    /// Keyed hash of the six-digit code (`SecretHasher`, purpose `phone-verification`).
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "verified_at") var verifiedAt: Date?

    init() {}

    init(userId: UUID, phoneNumber: String, codeHash: String, createdAt: Date, expiresAt: Date) {
        self.$user.id = userId
        self.phoneNumber = phoneNumber
        self.codeHash = codeHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.attempts = 0
    }
}
