import Fluent
import Platform
import Vapor

/// Sign-up and e-mail verification.
struct RegistrationService {
    let context: CallContext

    private var settings: AuthSettings { context.authSettings }

    /// Creates the account, stores the consents, issues and e-mails a verification code.
    func register(_ input: RegistrationInput) async throws -> User {
        let email = TextRules.normalizedEmail(input.email)
        let passwordHash = try await context.passwords.hash(input.password)
        return try await context.db.transaction { db in
            guard try await User.query(on: db).withDeleted().filter(\.$email == email).first() == nil else {
                throw AuthError.emailTaken
            }
            var referrer: User?
            if let code = input.referralCode?.trimmingCharacters(in: .whitespaces).uppercased(), !code.isEmpty {
                referrer = try await User.query(on: db).filter(\.$referralCode == code).first()
                guard referrer != nil else { throw AuthError.invalidReferralCode }
            }
            let user = User(
                email: email, passwordHash: passwordHash, firstName: input.firstName.trimmed,
                lastName: input.lastName.trimmed, userType: input.userType,
                referralCode: try await ReferralCode.unique(on: db),
                preferredLanguage: input.preferredLanguage ?? "en", timezone: input.timezone ?? "UTC",
                preferredCurrency: input.preferredCurrency ?? "EUR")
            user.phoneNumber = input.phoneNumber
            user.dateOfBirth = input.dateOfBirth
            user.referredByUserId = try referrer?.requireID()
            user.termsAcceptedAt = context.now
            user.privacyAcceptedAt = context.now
            try await user.create(on: db)
            try await issueVerificationCode(for: user, on: db)
            try await AuditTrail.record("register", category: "account", userId: user.id, context: context.on(db))
            try await context.publish(
                UserRegistered(
                    userId: try user.requireID(), email: email, userType: user.userType,
                    referredByUserId: user.referredByUserId),
                on: db)
            return user
        }
    }

    /// Checks the code; on success the account is active, e-mail verified, and signed in.
    func verifyEmail(email rawEmail: String, code: String, device: DeviceInfo?) async throws -> SignInResponse {
        let email = TextRules.normalizedEmail(rawEmail)
        guard let user = try await User.query(on: context.db).filter(\.$email == email).first() else {
            throw AuthError.invalidCode(remainingAttempts: nil)
        }
        guard user.emailVerifiedAt == nil else { throw AuthError.alreadyVerified }
        guard
            let token = try await EmailVerificationToken.query(on: context.db)
                .filter(\.$user.$id == user.requireID()).filter(\.$verifiedAt == nil)
                .sort(\.$issuedAt, .descending).first()
        else { throw AuthError.invalidCode(remainingAttempts: nil) }
        // Checked before the transaction: a wrong guess must stay counted when the request fails.
        try await OneTimeCodeCheck.verify(
            code, against: token, purpose: "email-verification", maxAttempts: settings.verificationCodeAttempts,
            context: context)
        return try await context.db.transaction { db in
            token.verifiedAt = context.now
            try await token.save(on: db)
            user.emailVerifiedAt = context.now
            user.status = .active
            if user.verificationLevel < .emailVerified { user.verificationLevel = .emailVerified }
            try await user.save(on: db)
            try await AuditTrail.record("email_verified", category: "account", userId: user.id, context: context.on(db))
            try await context.publish(UserEmailVerified(userId: try user.requireID()), on: db)
            return try await TokenIssuer(context: context).signIn(
                user, device: device, db: db, method: "email_verification")
        }
    }

    /// Sends a fresh code, at most once per cool-down and a few times an hour. Unknown e-mails get the same
    /// answer as known ones.
    func resend(email rawEmail: String) async throws {
        let email = TextRules.normalizedEmail(rawEmail)
        let limit = try await context.rateLimiter.hit("resend:\(email)", limit: settings.mailRequestLimit, window: 3600)
        guard limit.allowed else { throw APIError.rateLimited(retryAfter: limit.retryAfter) }
        guard let user = try await User.query(on: context.db).filter(\.$email == email).first() else { return }
        guard user.emailVerifiedAt == nil else { throw AuthError.alreadyVerified }
        if let last = try await EmailVerificationToken.query(on: context.db)
            .filter(\.$user.$id == user.requireID()).sort(\.$issuedAt, .descending).first()
        {
            let wait = last.issuedAt.addingTimeInterval(settings.resendCooldown).timeIntervalSince(context.now)
            if wait > 0 { throw AuthError.resendTooSoon(retryAfter: Int(wait.rounded(.up))) }
        }
        try await context.db.transaction { db in
            try await issueVerificationCode(for: user, on: db)
        }
    }

    private func issueVerificationCode(for user: User, on db: any Database) async throws {
        let userId = try user.requireID()
        // A new code replaces the old ones.
        try await EmailVerificationToken.query(on: db).filter(\.$user.$id == userId).filter(\.$verifiedAt == nil)
            .delete()
        let code = RandomToken.numericCode()
        let token = EmailVerificationToken(
            userId: userId, email: user.email, tokenHash: context.hasher.hash(code, purpose: "email-verification"),
            issuedAt: context.now, expiresAt: context.now.addingTimeInterval(settings.verificationCodeLifetime))
        try await token.create(on: db)
        try await AuthMail.verificationCode(
            to: user, code: code, minutes: Int(settings.verificationCodeLifetime / 60), context: context.on(db))
    }
}
