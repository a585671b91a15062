import Fluent
import Foundation

/// TOTP settings of a user (`user_two_factor_auth`). The secret is sealed with the server key; backup codes
/// are stored as hashes and crossed out when used.
public final class UserTwoFactorAuth: Model, @unchecked Sendable {
    public static let schema = "user_two_factor_auth"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Parent(key: "user_id") public var user: User
    /// AES-GCM sealed base32 secret.
    @Field(key: "secret_key") public var secretKey: String
    /// Hashes of the unused backup codes.
    @Field(key: "backup_codes") public var backupCodes: [String]
    @Field(key: "enabled") public var enabled: Bool
    @OptionalField(key: "enabled_at") public var enabledAt: Date?
    @OptionalField(key: "backup_codes_generated_at") public var backupCodesGeneratedAt: Date?
    /// The last accepted TOTP time step: a code is never accepted twice.
    @Field(key: "last_used_step") public var lastUsedStep: Int64

    public init() {}

    public init(userId: UUID, secretKey: String, backupCodes: [String], generatedAt: Date) {
        self.$user.id = userId
        self.secretKey = secretKey
        self.backupCodes = backupCodes
        self.enabled = false
        self.backupCodesGeneratedAt = generatedAt
        self.lastUsedStep = 0
    }
}
