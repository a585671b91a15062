import Fluent
import Platform
import Vapor

/// Forgotten passwords (e-mailed single-use code) and password changes.
struct PasswordService {
    let context: CallContext

    private var settings: AuthSettings { context.authSettings }

    /// E-mails a reset code when the account exists; the answer is the same either way.
    func forgot(email rawEmail: String) async throws {
        let email = TextRules.normalizedEmail(rawEmail)
        let limit = try await context.rateLimiter.hit("forgot:\(email)", limit: settings.mailRequestLimit, window: 3600)
        // Past the limit, silently do nothing: a 429 here would reveal nothing, but a quiet answer is simpler
        // for clients and gives an attacker no timing signal either.
        guard limit.allowed else { return }
        guard let user = try await User.query(on: context.db).filter(\.$email == email).first(),
            user.status != .deleted
        else { return }
        let userId = try user.requireID()
        try await context.db.transaction { db in
            try await PasswordResetToken.query(on: db).filter(\.$user.$id == userId).filter(\.$usedAt == nil).delete()
            let code = RandomToken.numericCode()
            try await PasswordResetToken(
                userId: userId, tokenHash: context.hasher.hash(code, purpose: "password-reset"),
                expiresAt: context.now.addingTimeInterval(settings.resetCodeLifetime)
            ).create(on: db)
            try await AuditTrail.record(
                "password_reset_requested", category: "security", userId: userId, context: context.on(db))
            try await AuthMail.passwordResetCode(
                to: user, code: code, minutes: Int(settings.resetCodeLifetime / 60), context: context.on(db))
        }
    }

    /// Sets a new password with a valid reset code; every session is signed out.
    func reset(email rawEmail: String, code: String, newPassword: String) async throws {
        let email = TextRules.normalizedEmail(rawEmail)
        guard let user = try await User.query(on: context.db).filter(\.$email == email).first() else {
            throw AuthError.invalidCode(remainingAttempts: nil)
        }
        let userId = try user.requireID()
        guard
            let token = try await PasswordResetToken.query(on: context.db).filter(\.$user.$id == userId)
                .filter(\.$usedAt == nil).sort(\.$expiresAt, .descending).first()
        else { throw AuthError.invalidCode(remainingAttempts: nil) }
        // Checked before the transaction: a wrong guess must stay counted when the request fails.
        try await OneTimeCodeCheck.verify(
            code, against: token, purpose: "password-reset", maxAttempts: settings.resetCodeAttempts, context: context)
        try PasswordPolicy.problems(password: newPassword, email: user.email, field: "newPassword").throwIfAny()
        let hash = try await context.passwords.hash(newPassword)
        try await context.db.transaction { db in
            token.usedAt = context.now
            try await token.save(on: db)
            try await setPassword(hash, of: user, keepingSession: nil, on: db, action: "password_reset")
        }
    }

    /// Changes the password of the signed-in user; other sessions are signed out.
    func change(user: User, current: String, new newPassword: String, sessionId: UUID) async throws {
        guard let existing = user.passwordHash, try await context.passwords.verify(current, created: existing) else {
            throw AuthError.invalidCredentials
        }
        var problems = PasswordPolicy.problems(password: newPassword, email: user.email, field: "newPassword")
        if current == newPassword { problems.append("newPassword must differ from the current password") }
        try problems.throwIfAny()
        let hash = try await context.passwords.hash(newPassword)
        try await context.db.transaction { db in
            try await setPassword(hash, of: user, keepingSession: sessionId, on: db, action: "password_changed")
        }
    }

    private func setPassword(
        _ hash: String, of user: User, keepingSession: UUID?, on db: any Database, action: String
    )
        async throws
    {
        user.passwordHash = hash
        user.passwordChangedAt = context.now
        try await user.save(on: db)
        let userId = try user.requireID()
        try await SessionService(context: context.on(db)).revokeAll(
            of: UserID(userId), except: keepingSession.map(UserSessionID.init), reason: action)
        try await AuditTrail.record(action, category: "security", userId: userId, context: context.on(db))
        try await AuthMail.passwordChanged(user, context: context.on(db))
    }
}

extension Array where Element == String {
    /// Throws a 422 listing these problems, if there are any.
    func throwIfAny() throws {
        if !isEmpty { throw APIError.validation(self) }
    }
}
