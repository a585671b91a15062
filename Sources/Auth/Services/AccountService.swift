import Fluent
import Platform
import Vapor

/// The account's lifecycle: deactivate, reactivate, delete (with erasure), and its settings.
struct AccountService {
    let context: CallContext

    func deactivate(_ user: User, password: String?, reason: String?) async throws {
        try await requireSecret(password, of: user)
        try await changeStatus(of: user, to: .deactivated, reason: reason) { db in
            user.deactivatedAt = context.now
            try await SessionService(context: context.on(db)).revokeAll(
                of: UserID(try user.requireID()), reason: "deactivated")
            try await AuthMail.accountNotice(
                user, subject: "Your P2P Delivery account is deactivated",
                body: "Your account was deactivated. Sign in again with your password to reactivate it.",
                context: context.on(db))
        }
    }

    /// Reactivates a deactivated account with its credentials and signs it in.
    func reactivate(email: String, password: String, device: DeviceInfo?) async throws -> SignInResponse {
        let normalized = TextRules.normalizedEmail(email)
        guard let user = try await User.query(on: context.db).filter(\.$email == normalized).first(),
            let hash = user.passwordHash, try await context.passwords.verify(password, created: hash)
        else { throw AuthError.invalidCredentials }
        guard user.status == .deactivated else {
            throw APIError.invalidTransition(
                from: user.status.rawValue, to: User.Status.active.rawValue, entity: "account")
        }
        return try await context.db.transaction { db in
            let from = user.status
            user.status = .active
            user.deactivatedAt = nil
            try await user.save(on: db)
            try await context.publish(
                UserStatusChanged(
                    userId: try user.requireID(), from: from.rawValue, to: "active", reason: "reactivated"),
                on: db)
            try await AuditTrail.record(
                "account_reactivated", category: "account", userId: user.id, context: context.on(db))
            return try await TokenIssuer(context: context).signIn(user, device: device, db: db, method: "reactivation")
        }
    }

    /// Deletes the account: every module erases its personal data in one transaction, the user row is
    /// scrubbed and soft-deleted, and all sessions end.
    func delete(_ user: User, password: String?, reason: String?) async throws {
        try await requireSecret(password, of: user)
        let userId = try user.requireID()
        let email = user.email
        let firstName = user.firstName
        try await context.db.transaction { db in
            try await AuditTrail.record(
                "account_deleted", category: "account", userId: userId, metadata: ["reason": reason ?? ""],
                context: context.on(db))
            // The farewell goes out before the address is scrubbed.
            try await context.mailer.enqueue(
                MailMessage(
                    to: email, subject: "Your P2P Delivery account was deleted",
                    text: "Hello \(firstName),\n\nYour account and its personal data have been deleted.\n",
                    category: "account"),
                context: context.on(db))
            try await context.personalData.erase(userId: userId, context: context.on(db))
            try await context.publish(UserDeleted(userId: userId), on: db)
        }
    }

    func updateSettings(_ user: User, _ input: AccountSettingsInput) async throws {
        var check = RuleCheck()
        if let language = input.preferredLanguage { PersonRules.preferredLanguage(language, into: &check) }
        if let timezone = input.timezone { PersonRules.timezone(timezone, into: &check) }
        if let currency = input.preferredCurrency { PersonRules.currency(currency, into: &check) }
        try check.throwIfBroken()
        if let language = input.preferredLanguage { user.preferredLanguage = language }
        if let timezone = input.timezone { user.timezone = timezone }
        if let currency = input.preferredCurrency { user.preferredCurrency = currency }
        if let alerts = input.loginAlerts { user.loginAlertsEnabled = alerts }
        try await context.db.transaction { db in
            try await user.save(on: db)
            try await AuditTrail.record(
                "settings_updated", category: "account", userId: user.id, context: context.on(db))
        }
    }

    private func changeStatus(
        of user: User, to status: User.Status, reason: String?,
        also: @escaping @Sendable (any Database) async throws -> Void
    ) async throws {
        let from = user.status
        try await context.db.transaction { db in
            user.status = status
            try await user.save(on: db)
            try await also(db)
            try await context.publish(
                UserStatusChanged(
                    userId: try user.requireID(), from: from.rawValue, to: status.rawValue, reason: reason),
                on: db)
            try await AuditTrail.record(
                "account_\(status.rawValue)", category: "account", userId: user.id, metadata: ["reason": reason ?? ""],
                context: context.on(db))
        }
    }

    /// Accounts with a password must give it; social-only accounts confirm with their session alone.
    private func requireSecret(_ password: String?, of user: User) async throws {
        guard let hash = user.passwordHash else { return }
        guard let password, try await context.passwords.verify(password, created: hash) else {
            throw AuthError.invalidCredentials
        }
    }
}
