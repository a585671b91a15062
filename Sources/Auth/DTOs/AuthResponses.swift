import Foundation
import Platform
import Vapor

/// The private view of an account, returned only to its owner (and admins).
public struct UserResponse: Content, Sendable {
    public var id: UUID
    public var email: String
    public var firstName: String
    public var lastName: String
    public var phoneNumber: String?
    public var dateOfBirth: String?
    public var userType: UserType
    public var status: User.Status
    public var verificationLevel: VerificationLevel
    public var emailVerified: Bool
    public var preferredLanguage: String
    public var timezone: String
    public var preferredCurrency: String
    public var referralCode: String
    public var termsAcceptedAt: Date?
    public var privacyAcceptedAt: Date?
    public var lastLoginAt: Date?
    public var createdAt: Date?
    public var updatedAt: Date?

    public init(_ user: User) throws {
        id = try user.requireID()
        email = user.email
        firstName = user.firstName
        lastName = user.lastName
        phoneNumber = user.phoneNumber
        dateOfBirth = user.dateOfBirth
        userType = user.userType
        status = user.status
        verificationLevel = user.verificationLevel
        emailVerified = user.emailVerifiedAt != nil
        preferredLanguage = user.preferredLanguage
        timezone = user.timezone
        preferredCurrency = user.preferredCurrency
        referralCode = user.referralCode
        termsAcceptedAt = user.termsAcceptedAt
        privacyAcceptedAt = user.privacyAcceptedAt
        lastLoginAt = user.lastLoginAt
        createdAt = user.createdAt
        updatedAt = user.updatedAt
    }
}

/// An access/refresh token pair.
public struct TokenPair: Content, Sendable {
    public var accessToken: String
    public var refreshToken: String
    public var tokenType = "Bearer"
    /// Seconds until the access token expires.
    public var expiresIn: Int
}

/// A successful sign-in: tokens plus the account.
public struct SignInResponse: Content, Sendable {
    public var accessToken: String
    public var refreshToken: String
    public var tokenType: String
    public var expiresIn: Int
    public var sessionId: UUID
    public var user: UserResponse

    init(tokens: TokenPair, sessionId: UUID, user: User) throws {
        accessToken = tokens.accessToken
        refreshToken = tokens.refreshToken
        tokenType = tokens.tokenType
        expiresIn = tokens.expiresIn
        self.sessionId = sessionId
        self.user = try UserResponse(user)
    }
}

/// The first step of a login that needs a TOTP code.
public struct TwoFactorChallengeResponse: Content, Sendable {
    public var requiresTwoFactor = true
    public var tempToken: String
    public var expiresIn: Int
}
