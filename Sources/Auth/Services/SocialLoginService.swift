import Fluent
import Platform
import Vapor

/// Sign-in, sign-up and linking with OpenID Connect ID tokens.
struct SocialLoginService {
    let req: Request

    /// Signs in the user linked to the token's identity, or creates an account for a new identity.
    /// An e-mail that already has an account is not linked silently: the owner must sign in and link it.
    func signIn(_ input: SocialController.SocialLoginRequest) async throws -> SignInResponse {
        let identity = try await req.authContext.identityProviders.verify(
            idToken: input.idToken, provider: input.provider, req: req)
        if let linked = try await SocialAccount.query(on: req.db)
            .filter(\.$provider == identity.provider).filter(\.$providerUserId == identity.subject).first()
        {
            guard let user = try await User.find(linked.$user.id, on: req.db) else {
                throw AuthError.invalidCredentials
            }
            try LoginService.requireUsable(user)
            return try await req.db.transaction { db in
                linked.lastUsedAt = req.now
                try await linked.save(on: db)
                return try await TokenIssuer(req: req).signIn(
                    user, device: input.deviceInfo, db: db, method: identity.provider)
            }
        }
        guard let email = identity.email, identity.emailVerified else {
            throw APIError(
                .unprocessableEntity, code: "EMAIL_NOT_PROVIDED", reason: "Validation failed",
                details: ["the provider did not return a verified e-mail address"])
        }
        if try await User.query(on: req.db).withDeleted().filter(\.$email == email).first() != nil {
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
        return try await req.db.transaction { db in
            let user = User(
                email: email, passwordHash: nil,
                firstName: input.firstName ?? identity.givenName ?? "Traveler",
                lastName: input.lastName ?? identity.familyName ?? "", userType: userType,
                referralCode: try await ReferralCode.unique(on: db))
            user.status = .active
            user.verificationLevel = .emailVerified
            user.emailVerifiedAt = req.now
            user.termsAcceptedAt = req.now
            user.privacyAcceptedAt = req.now
            try await user.create(on: db)
            let userId = try user.requireID()
            try await SocialAccount(
                userId: userId, provider: identity.provider, providerUserId: identity.subject, email: email
            )
            .create(on: db)
            try await AuditTrail.record(
                "register", category: "account", userId: userId,
                metadata: ["provider": identity.provider], on: db, req: req)
            try await req.publish(
                UserRegistered(userId: userId, email: email, userType: userType, referredByUserId: nil), on: db)
            try await req.publish(UserEmailVerified(userId: userId), on: db)
            return try await TokenIssuer(req: req).signIn(
                user, device: input.deviceInfo, db: db, method: identity.provider)
        }
    }

    /// Links the token's identity to the signed-in user.
    func link(provider: String, idToken: String) async throws -> SocialAccount {
        let identity = try await req.authContext.identityProviders.verify(
            idToken: idToken, provider: provider, req: req)
        let userId = try req.principal.userId
        if let existing = try await SocialAccount.query(on: req.db)
            .filter(\.$provider == identity.provider).filter(\.$providerUserId == identity.subject).first()
        {
            guard existing.$user.id == userId else {
                throw APIError.conflict("This \(provider) account is linked to another user", code: "IDENTITY_IN_USE")
            }
            return existing
        }
        if try await SocialAccount.query(on: req.db).filter(\.$user.$id == userId).filter(\.$provider == provider)
            .first() != nil
        {
            throw APIError.conflict(
                "A \(provider) account is already linked; unlink it first", code: "PROVIDER_ALREADY_LINKED")
        }
        return try await req.db.transaction { db in
            let account = SocialAccount(
                userId: userId, provider: identity.provider, providerUserId: identity.subject,
                email: identity.email)
            try await account.create(on: db)
            try await AuditTrail.record(
                "social_linked", category: "security", userId: userId,
                metadata: ["provider": provider], on: db, req: req)
            return account
        }
    }

    /// Unlinks a provider, refusing when it is the account's only way to sign in.
    func unlink(provider: String) async throws {
        let user = try await req.currentUser()
        let userId = try user.requireID()
        let accounts = try await SocialAccount.query(on: req.db).filter(\.$user.$id == userId).all()
        guard let account = accounts.first(where: { $0.provider == provider }) else {
            throw APIError.notFound("Linked \(provider) account")
        }
        guard user.passwordHash != nil || accounts.count > 1 else {
            throw APIError.conflict(
                "This is the only way to sign in to the account; set a password first", code: "LAST_SIGN_IN_METHOD")
        }
        try await req.db.transaction { db in
            try await account.delete(on: db)
            try await AuditTrail.record(
                "social_unlinked", category: "security", userId: userId,
                metadata: ["provider": provider], on: db, req: req)
        }
    }
}
