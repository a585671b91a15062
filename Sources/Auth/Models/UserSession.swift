import Fluent
import Foundation

/// A signed-in device (`user_sessions`): holds the hash of its current refresh token.
public final class UserSession: Model, @unchecked Sendable {
    public static let schema = "user_sessions"

    /// `device_type_enum`.
    public enum DeviceType: String, Codable, Sendable, CaseIterable {
        case mobile, tablet, desktop, web, unknown
    }

    /// `platform_enum`.
    public enum Platform: String, Codable, Sendable, CaseIterable {
        case ios, android, web, windows, macos, linux, other
    }

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    @Parent(key: "user_id") public var user: User
    @OptionalField(key: "device_id") public var deviceId: String?
    @OptionalField(key: "device_name") public var deviceName: String?
    @Enum(key: "device_type") public var deviceType: DeviceType
    @Enum(key: "platform") public var platform: Platform
    @OptionalField(key: "app_version") public var appVersion: String?
    @OptionalField(key: "push_token") public var pushToken: String?
    @OptionalField(key: "ip_address") public var ipAddress: String?
    @OptionalField(key: "location") public var location: String?
    @OptionalField(key: "user_agent") public var userAgent: String?
    /// Hash of device id, platform and user agent: recognises a returning device.
    @Field(key: "device_fingerprint") public var deviceFingerprint: String
    @Field(key: "refresh_token_hash") public var refreshTokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @Field(key: "last_active_at") public var lastActiveAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "revoked_reason") public var revokedReason: String?
    /// Signed in from a device this account had not used before.
    @Field(key: "is_new_device") public var isNewDevice: Bool

    public init() {}

    public var isActive: Bool { revokedAt == nil }
}
