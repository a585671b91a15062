import Platform
import Vapor

/// Failures of the authentication rules, each with a stable code.
public enum AuthError: CodedError {
    case invalidCredentials
    case invalidToken
    case tokenExpired
    case sessionRevoked
    case refreshTokenReused
    case emailTaken
    case emailNotVerified
    case accountSuspended
    case accountDeactivated
    case accountLocked(retryAfter: Int)
    case invalidCode(remainingAttempts: Int?)
    case codeExpired
    case tooManyAttempts
    case alreadyVerified
    case resendTooSoon(retryAfter: Int)
    case twoFactorRequired
    case twoFactorAlreadyEnabled
    case twoFactorNotEnabled
    case twoFactorNotSetUp
    case invalidReferralCode
    case passwordRequired

    public var status: HTTPResponseStatus {
        switch self {
        case .invalidCredentials, .invalidToken, .tokenExpired, .sessionRevoked, .refreshTokenReused: .unauthorized
        case .emailTaken, .alreadyVerified, .twoFactorAlreadyEnabled, .twoFactorNotEnabled, .twoFactorNotSetUp:
            .conflict
        case .emailNotVerified, .accountSuspended, .accountDeactivated, .twoFactorRequired: .forbidden
        case .accountLocked, .resendTooSoon, .tooManyAttempts: .tooManyRequests
        case .invalidCode, .codeExpired: .badRequest
        case .invalidReferralCode, .passwordRequired: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .invalidCredentials: "INVALID_CREDENTIALS"
        case .invalidToken: "INVALID_TOKEN"
        case .tokenExpired: "TOKEN_EXPIRED"
        case .sessionRevoked: "SESSION_REVOKED"
        case .refreshTokenReused: "REFRESH_TOKEN_REUSED"
        case .emailTaken: "EMAIL_ALREADY_REGISTERED"
        case .emailNotVerified: "EMAIL_NOT_VERIFIED"
        case .accountSuspended: "ACCOUNT_SUSPENDED"
        case .accountDeactivated: "ACCOUNT_DEACTIVATED"
        case .accountLocked: "ACCOUNT_LOCKED"
        case .invalidCode: "INVALID_CODE"
        case .codeExpired: "CODE_EXPIRED"
        case .tooManyAttempts: "TOO_MANY_ATTEMPTS"
        case .alreadyVerified: "ALREADY_VERIFIED"
        case .resendTooSoon: "RESEND_TOO_SOON"
        case .twoFactorRequired: "TWO_FACTOR_REQUIRED"
        case .twoFactorAlreadyEnabled: "TWO_FACTOR_ALREADY_ENABLED"
        case .twoFactorNotEnabled: "TWO_FACTOR_NOT_ENABLED"
        case .twoFactorNotSetUp: "TWO_FACTOR_NOT_SET_UP"
        case .invalidReferralCode: "INVALID_REFERRAL_CODE"
        case .passwordRequired: "PASSWORD_REQUIRED"
        }
    }

    public var reason: String {
        switch self {
        case .invalidCredentials: "Invalid credentials"
        case .invalidToken: "Invalid or malformed token"
        case .tokenExpired: "Token has expired"
        case .sessionRevoked: "This session has been signed out"
        case .refreshTokenReused: "Refresh token was already used; the session has been revoked"
        case .emailTaken: "An account with this email already exists"
        case .emailNotVerified: "Please verify your email address before signing in"
        case .accountSuspended: "This account is suspended"
        case .accountDeactivated: "This account is deactivated; reactivate it to sign in"
        case .accountLocked: "Too many failed sign-in attempts; the account is temporarily locked"
        case .invalidCode: "The code is incorrect"
        case .codeExpired: "The code has expired; request a new one"
        case .tooManyAttempts: "Too many incorrect codes; request a new one"
        case .alreadyVerified: "This email address is already verified"
        case .resendTooSoon: "Please wait before requesting another code"
        case .twoFactorRequired: "A two-factor code is required"
        case .twoFactorAlreadyEnabled: "Two-factor authentication is already enabled"
        case .twoFactorNotEnabled: "Two-factor authentication is not enabled"
        case .twoFactorNotSetUp: "Start two-factor setup first"
        case .invalidReferralCode: "Validation failed"
        case .passwordRequired: "Validation failed"
        }
    }

    public var details: [String] {
        switch self {
        case .invalidCode(let remaining?): ["\(remaining) attempt(s) left"]
        case .accountLocked(let seconds), .resendTooSoon(let seconds): ["Retry after \(max(1, seconds)) seconds"]
        case .invalidReferralCode: ["referralCode does not match any account"]
        case .passwordRequired: ["this account has no password; sign in with your linked provider"]
        default: []
        }
    }

    public var headers: HTTPHeaders {
        switch self {
        case .accountLocked(let seconds), .resendTooSoon(let seconds): ["Retry-After": String(max(1, seconds))]
        default: [:]
        }
    }
}
