import Fluent
import Platform
import Vapor

/// Sign-in, sign-up and linking with OpenID Connect ID tokens.
struct SocialLoginService {
    let context: CallContext

    /// Signs in the user linked to the token's identity, or creates an account for a new identity.
    /// An e-mail that already has an account is not linked silently: the owner must sign in and link it.
    func signIn(_ input: SocialSignInInput) async throws -> SignInResponse {
        let identity = try await context.identityProviders.verify(
            idToken: input.idToken, provider: input.provider, context: context)
        if let linked = try await SocialAccount.query(on: context.db)
            .filter(\.$provider == identity.provider).filter(\.$providerUserId == identity.subject).first()
        {
            guard let user = try await User.find(linked.$user.id, on: context.db) else {
                throw AuthError.invalidCredentials
            }
            try LoginService.requireUsable(user)
            return try await context.db.transaction { db in
                linked.lastUsedAt = context.now
                try await linked.save(on: db)
                return try await TokenIssuer(context: context).signIn(
                    user, device: input.deviceInfo, db: db, method: identity.provider)
            }
        }
        guard let email = identity.email, identity.emailVerified else {
            throw APIError(
                .unprocessableEntity, code: "EMAIL_NOT_PROVIDED", reason: "Validation failed",
                details: ["the provider did not return a verified e-mail address"])
        }
        if try await User.query(on: context.db).withDeleted().filter(\.$email == email).first() != nil {
            throw APIError.conflict(
                "An account with this email already exists; sign in and link \(identity.provider) from your settings",
                code: "ACCOUNT_EXISTS")
        }
        var check = RuleCheck()
        check.require(input.acceptedTerms == true, "acceptedTerms must be true")
        check.require(input.acceptedPrivacy == true, "acceptedPrivacy must be true")
        let userType = input.userType ?? .customer
        check.require(UserType.selfService.contains(userType), "userType must be one of customer, traveler, both")
        try check.throwIfBroken()
        return try await context.db.transaction { db in
            let user = User(
                email: email, passwordHash: nil,
                firstName: input.firstName ?? identity.givenName ?? "Traveler",
                lastName: input.lastName ?? identity.familyName ?? "", userType: userType,
                referralCode: try await ReferralCode.unique(on: db))
            user.status = .active
            user.verificationLevel = .emailVerified
            user.emailVerifiedAt = context.now
            user.termsAcceptedAt = context.now
            user.privacyAcceptedAt = context.now
            try await user.create(on: db)
            let userId = try user.requireID()
            try await SocialAccount(
                userId: userId, provider: identity.provider, providerUserId: identity.subject, email: email
            )
            .create(on: db)
            try await AuditTrail.record(
                "register", category: "account", userId: userId,
                metadata: ["provider": identity.provider], context: context.on(db))
            try await context.publish(
                UserRegistered(userId: userId, email: email, userType: userType, referredByUserId: nil), on: db)
            try await context.publish(UserEmailVerified(userId: userId), on: db)
            return try await TokenIssuer(context: context).signIn(
                user, device: input.deviceInfo, db: db, method: identity.provider)
        }
    }

    /// Links the token's identity to the signed-in user.
    func link(provider: String, idToken: String) async throws -> SocialAccount {
        let identity = try await context.identityProviders.verify(
            idToken: idToken, provider: provider, context: context)
        let userId = try context.requirePrincipal().userId
        if let existing = try await SocialAccount.query(on: context.db)
            .filter(\.$provider == identity.provider).filter(\.$providerUserId == identity.subject).first()
        {
            guard existing.$user.id == userId else {
                throw APIError.conflict("This \(provider) account is linked to another user", code: "IDENTITY_IN_USE")
            }
            return existing
        }
        if try await SocialAccount.query(on: context.db).filter(\.$user.$id == userId).filter(\.$provider == provider)
            .first() != nil
        {
            throw APIError.conflict(
                "A \(provider) account is already linked; unlink it first", code: "PROVIDER_ALREADY_LINKED")
        }
        return try await context.db.transaction { db in
            let account = SocialAccount(
                userId: userId, provider: identity.provider, providerUserId: identity.subject,
                email: identity.email)
            try await account.create(on: db)
            try await AuditTrail.record(
                "social_linked", category: "security", userId: userId,
                metadata: ["provider": provider], context: context.on(db))
            return account
        }
    }

    /// Unlinks a provider, refusing when it is the account's only way to sign in.
    func unlink(provider: String) async throws {
        let user = try await context.currentUser()
        let userId = try user.requireID()
        let accounts = try await SocialAccount.query(on: context.db).filter(\.$user.$id == userId).all()
        guard let account = accounts.first(where: { $0.provider == provider }) else {
            throw APIError.notFound("Linked \(provider) account")
        }
        guard user.passwordHash != nil || accounts.count > 1 else {
            throw APIError.conflict(
                "This is the only way to sign in to the account; set a password first", code: "LAST_SIGN_IN_METHOD")
        }
        try await context.db.transaction { db in
            try await account.delete(on: db)
            try await AuditTrail.record(
                "social_unlinked", category: "security", userId: userId,
                metadata: ["provider": provider], context: context.on(db))
        }
    }
}
