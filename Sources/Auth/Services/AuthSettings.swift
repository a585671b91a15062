import Foundation

/// Lifetimes and limits of the authentication rules, in one place.
public struct AuthSettings: Sendable {
    public var issuer = "p2p-delivery"
    public var accessTokenLifetime: TimeInterval = 15 * 60
    public var refreshTokenLifetime: TimeInterval = 30 * 24 * 3600
    public var twoFactorChallengeLifetime: TimeInterval = 5 * 60
    public var verificationCodeLifetime: TimeInterval = 15 * 60
    public var verificationCodeAttempts = 5
    public var resendCooldown: TimeInterval = 60
    public var resetCodeLifetime: TimeInterval = 15 * 60
    public var resetCodeAttempts = 5
    /// Login attempts per client address per window.
    public var loginLimitPerIP = 30
    /// Login attempts per e-mail address per window.
    public var loginLimitPerEmail = 10
    /// Failed logins that lock an account for the rest of the window.
    public var lockoutThreshold = 5
    public var loginWindow = 15 * 60
    /// Forgot-password and resend requests per e-mail per hour.
    public var mailRequestLimit = 5
    public var backupCodeCount = 10

    public init() {}
}
