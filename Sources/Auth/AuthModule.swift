import Fluent
import Platform
import Vapor

/// Authentication (original service 3001): accounts, sessions, tokens, 2FA, social login.
public struct AuthModule: PlatformModule {
    public init() {}

    public var name: String { "auth" }

    public var migrations: [any Migration] {
        [
            CreateUsers(),
            CreateUserSessions(),
            CreateRotatedRefreshTokens(),  // not in the seed schema: exchanged refresh tokens reveal a replay
            CreateUserTwoFactorAuth(),
            CreateEmailVerificationTokens(),
            CreatePasswordResetTokens(),
            CreateUserSocialAccounts(),  // not in the seed schema: linked sign-in providers
        ]
    }

    public func boot(_ app: Application) async throws {
        let settings = AuthSettings()
        let config = app.platformConfig
        let environment = ProcessInfo.processInfo.environment
        let keyRing = try await SigningKeyRing.load(
            dataDirectory: config.dataDirectory, environment: environment, now: Date(),
            tokenLifetime: settings.accessTokenLifetime)
        app.auth = AuthContext(
            settings: settings, keyRing: keyRing,
            identityProviders: IdentityProviderDirectory.fromEnvironment(environment),
            timingDummyHash: try Bcrypt.hash(RandomToken.opaque(), cost: config.bcryptCost))
        app.accessTokenVerifier = AuthTokenVerifier()
        app.personalData.register(AuthPersonalData.section)
        app.jobs.schedule(
            RecurringTask(name: "auth.purge-expired-codes", every: 3600) { context in
                let now = context.application.clock.now()
                try await EmailVerificationToken.query(on: context.db).filter(\.$expiresAt < now).filter(
                    \.$verifiedAt == nil
                )
                .delete()
                try await PasswordResetToken.query(on: context.db).filter(\.$expiresAt < now).delete()
            })
    }

    public func routes(_ root: any RoutesBuilder) throws {
        try root.register(collection: JWKSController())
        let api = root.grouped("api", "v1")
        try api.register(collection: AuthController())
        try api.register(collection: PasswordController())
        try api.register(collection: TwoFactorController())
        try api.register(collection: SessionController())
        try api.register(collection: AccountController())
        try api.register(collection: SocialController())
    }
}
