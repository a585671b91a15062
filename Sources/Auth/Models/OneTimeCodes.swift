import Fluent
import Foundation

/// A six-digit e-mail verification code (`email_verification_tokens`), stored as a keyed hash.
public final class EmailVerificationToken: Model, @unchecked Sendable {
    public static let schema = "email_verification_tokens"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Parent(key: "user_id") public var user: User
    @Field(key: "email") public var email: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "verified_at") public var verifiedAt: Date?
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "issued_at") public var issuedAt: Date

    public init() {}

    public init(userId: UUID, email: String, tokenHash: String, issuedAt: Date, expiresAt: Date) {
        self.$user.id = userId
        self.email = email
        self.tokenHash = tokenHash
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.attempts = 0
    }
}

/// A six-digit password reset code (`password_reset_tokens`), single use, stored as a keyed hash.
public final class PasswordResetToken: Model, @unchecked Sendable {
    public static let schema = "password_reset_tokens"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Parent(key: "user_id") public var user: User
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?
    @Field(key: "attempts") public var attempts: Int

    public init() {}

    public init(userId: UUID, tokenHash: String, expiresAt: Date) {
        self.$user.id = userId
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
        self.attempts = 0
    }
}
