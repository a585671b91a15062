import Fluent
import Platform
import Vapor

/// Password sign-in with rate limits, lockout, account status checks and the two-factor step.
struct LoginService {
    let context: CallContext

    private var settings: AuthSettings { context.authSettings }

    /// The outcome of the password step.
    enum Outcome {
        case signedIn(SignInResponse)
        case needsTwoFactor(TwoFactorChallengeResponse)
    }

    func login(email rawEmail: String, password: String, device: DeviceInfo?) async throws -> Outcome {
        let user = try await checkPassword(email: rawEmail, password: password)
        if try await TwoFactorService(context: context).isEnabled(for: user.requireID()) {
            return .needsTwoFactor(
                try await TokenIssuer(context: context).twoFactorChallenge(for: user, device: device))
        }
        return .signedIn(try await signIn(user, device: device, method: "password"))
    }

    /// Completes a login with the challenge token from the password step and a TOTP or backup code.
    func completeTwoFactor(tempToken: String, code: String) async throws -> SignInResponse {
        let (userId, device) = try await TokenIssuer(context: context).readChallenge(tempToken)
        guard let user = try await User.find(userId, on: context.db) else { throw AuthError.invalidToken }
        try Self.requireUsable(user)
        try await TwoFactorService(context: context).verifyLoginCode(code, for: user)
        return try await signIn(user, device: device, method: "password+2fa")
    }

    /// One-step login with password and TOTP code together.
    func loginWithCode(
        email: String, password: String, code: String, device: DeviceInfo?
    ) async throws
        -> SignInResponse
    {
        let user = try await checkPassword(email: email, password: password)
        try await TwoFactorService(context: context).verifyLoginCode(code, for: user)
        return try await signIn(user, device: device, method: "password+2fa")
    }

    /// Rate limits, lockout, password and status. Unknown e-mails and wrong passwords answer alike.
    func checkPassword(email rawEmail: String, password: String) async throws -> User {
        let email = TextRules.normalizedEmail(rawEmail)
        let limiter = context.rateLimiter
        let window = settings.loginWindow
        let byIP = try await limiter.hit(
            "login:ip:\(context.origin.clientAddress ?? "unknown")", limit: settings.loginLimitPerIP, window: window)
        guard byIP.allowed else { throw APIError.rateLimited(retryAfter: byIP.retryAfter) }
        let byEmail = try await limiter.hit("login:email:\(email)", limit: settings.loginLimitPerEmail, window: window)
        guard byEmail.allowed else { throw APIError.rateLimited(retryAfter: byEmail.retryAfter) }
        let failures = try await limiter.peek(
            "login:failures:\(email)", limit: settings.lockoutThreshold, window: window)
        guard failures.allowed else { throw AuthError.accountLocked(retryAfter: failures.retryAfter) }

        let user = try await User.query(on: context.db).filter(\.$email == email).first()
        // Hash something even for unknown e-mails so response time does not reveal which exist.
        let hash = user?.passwordHash ?? context.timingDummyHash
        let matches = try await context.passwords.verify(password, created: hash)
        guard let user, matches, user.passwordHash != nil else {
            let count = try await limiter.hit(
                "login:failures:\(email)", limit: settings.lockoutThreshold, window: window)
            if let user {
                try await AuditTrail.record(
                    "login_failed", category: "security", userId: user.id, metadata: ["reason": "password"],
                    context: context)
                if count.count == settings.lockoutThreshold {
                    try await AuditTrail.record(
                        "account_locked", category: "security", userId: user.id, context: context)
                }
            }
            throw AuthError.invalidCredentials
        }
        try Self.requireUsable(user)
        try await limiter.reset("login:failures:\(email)", window: window)
        return user
    }

    private func signIn(_ user: User, device: DeviceInfo?, method: String) async throws -> SignInResponse {
        try await context.db.transaction { db in
            try await TokenIssuer(context: context).signIn(user, device: device, db: db, method: method)
        }
    }

    /// Only active accounts sign in; the others say why.
    static func requireUsable(_ user: User) throws {
        switch user.status {
        case .active: return
        case .pendingVerification: throw AuthError.emailNotVerified
        case .suspended: throw AuthError.accountSuspended
        case .deactivated: throw AuthError.accountDeactivated
        case .deleted: throw AuthError.invalidCredentials
        }
    }
}
