import Fluent
import Platform
import Vapor

/// Creates the first super admin from the command line (`p2p admin create`).
public enum SuperAdminBootstrap {
    /// Creates an active, e-mail-verified super admin; refuses weak passwords and existing e-mails.
    public static func create(
        email rawEmail: String, password: String, firstName: String, lastName: String, on app: Application
    ) async throws -> UUID {
        let email = TextRules.normalizedEmail(rawEmail)
        var problems: [String] = []
        if !TextRules.isEmail(email) { problems.append("email must be a valid e-mail address") }
        problems += PasswordPolicy.problems(password: password, email: email)
        try problems.throwIfAny()
        if try await User.query(on: app.db).withDeleted().filter(\.$email == email).first() != nil {
            throw AuthError.emailTaken
        }
        let user = User(
            email: email, passwordHash: try await app.password.async.hash(password), firstName: firstName,
            lastName: lastName, userType: .superAdmin, referralCode: try await ReferralCode.unique(on: app.db))
        let now = app.clock.now()
        user.status = .active
        user.verificationLevel = .emailVerified
        user.emailVerifiedAt = now
        user.termsAcceptedAt = now
        user.privacyAcceptedAt = now
        try await app.db.transaction { db in
            try await user.create(on: db)
            try await app.events.publish(
                UserRegistered(
                    userId: try user.requireID(), email: email, userType: .superAdmin, referredByUserId: nil),
                on: db, application: app)
            try await AuditLogEntry(
                actorId: nil, userId: user.id, category: "admin", action: "super_admin_created", entityType: "user",
                entityId: user.id?.uuidString, ipAddress: nil, userAgent: "p2p admin create", requestId: nil,
                metadata: [:], createdAt: now
            ).create(on: db)
        }
        return try user.requireID()
    }

    /// Rotates the JWT signing key in the data directory; returns (new kid, retired kid).
    public static func rotateSigningKey(on app: Application) throws -> (String, String?) {
        try SigningKeyRing.rotate(dataDirectory: app.platformConfig.dataDirectory, now: app.clock.now())
    }
}
