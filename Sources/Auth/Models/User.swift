import Fluent
import Foundation
import Platform

/// An account (`users`). Soft-deleted through `deleted_at`, with personal data scrubbed on deletion.
public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    /// `users.status`.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case pendingVerification = "pending_verification"
        case active
        case suspended
        case deactivated
        case deleted
    }

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Timestamp(key: "deleted_at", on: .delete) public var deletedAt: Date?

    // data fields
    @Field(key: "email") public var email: String
    /// Nil for accounts created through social login until a password is set.
    @OptionalField(key: "password_hash") public var passwordHash: String?
    @Field(key: "first_name") public var firstName: String
    @Field(key: "last_name") public var lastName: String
    @OptionalField(key: "phone_number") public var phoneNumber: String?
    /// `YYYY-MM-DD`.
    @OptionalField(key: "date_of_birth") public var dateOfBirth: String?
    @Enum(key: "user_type") public var userType: UserType
    @Enum(key: "status") public var status: Status
    @Enum(key: "verification_level") public var verificationLevel: VerificationLevel
    @Field(key: "preferred_language") public var preferredLanguage: String
    @Field(key: "timezone") public var timezone: String
    @Field(key: "preferred_currency") public var preferredCurrency: String
    @Field(key: "referral_code") public var referralCode: String
    @OptionalField(key: "referred_by_user_id") public var referredByUserId: UUID?
    @OptionalField(key: "terms_accepted_at") public var termsAcceptedAt: Date?
    @OptionalField(key: "privacy_accepted_at") public var privacyAcceptedAt: Date?
    @OptionalField(key: "email_verified_at") public var emailVerifiedAt: Date?
    @OptionalField(key: "last_login_at") public var lastLoginAt: Date?
    @OptionalField(key: "password_changed_at") public var passwordChangedAt: Date?
    @OptionalField(key: "deactivated_at") public var deactivatedAt: Date?
    /// Whether sign-ins from a new device send a security e-mail.
    @Field(key: "login_alerts_enabled") public var loginAlertsEnabled: Bool

    public init() {}

    public init(
        email: String, passwordHash: String?, firstName: String, lastName: String, userType: UserType,
        referralCode: String, preferredLanguage: String = "en", timezone: String = "UTC",
        preferredCurrency: String = "EUR"
    ) {
        self.email = email
        self.passwordHash = passwordHash
        self.firstName = firstName
        self.lastName = lastName
        self.userType = userType
        self.status = .pendingVerification
        self.verificationLevel = .unverified
        self.referralCode = referralCode
        self.preferredLanguage = preferredLanguage
        self.timezone = timezone
        self.preferredCurrency = preferredCurrency
        self.loginAlertsEnabled = true
    }

    public var fullName: String { "\(firstName) \(lastName)" }
}
