import Fluent
import Platform
import Vapor

/// Registration, e-mail verification, login (with the 2FA step), token refresh, logout and validation.
struct AuthController: RouteCollection {
    struct VerifyEmailRequest: Content {
        var email: String
        var verificationCode: String
        var deviceInfo: DeviceInfo?
    }

    struct EmailRequest: Content {
        var email: String
    }

    struct LoginRequest: Content {
        var email: String
        var password: String
        var deviceInfo: DeviceInfo?
    }

    struct VerifyTwoFactorRequest: Content {
        var tempToken: String
        var code: String
    }

    struct TwoFactorLoginRequest: Content {
        var email: String
        var password: String
        var code: String
        var deviceInfo: DeviceInfo?
    }

    struct RefreshRequest: Content {
        var refreshToken: String
    }

    struct LogoutRequest: Content {
        var allDevices: Bool?
    }

    struct RegisterResponse: Content {
        var user: UserResponse
        var verificationRequired = true
    }

    struct ValidationResponse: Content {
        var valid = true
        var userId: UUID
        var userType: UserType
        var roles: [String]
        var verificationLevel: VerificationLevel
        var sessionId: UUID
        var expiresAt: Date
    }

    func boot(routes: any RoutesBuilder) throws {
        let auth = routes.grouped("auth")
        auth.post("register", use: register).doc(
            "Register an account", auth: false, body: RegistrationInput.self, status: 201)
        auth.post("verify-email", use: verifyEmail)
            .doc(
                "Verify the e-mail address with the 6-digit code; signs in", auth: false, body: VerifyEmailRequest.self,
                also: [429])
        auth.post("resend-verification", use: resendVerification)
            .doc("Send a new verification code", auth: false, body: EmailRequest.self, also: [429])
        auth.post("login", use: login).doc(
            "Sign in with e-mail and password", auth: false, body: LoginRequest.self, also: [429])
        auth.post("verify-2fa", use: verifyTwoFactor)
            .doc("Complete a login that needs a TOTP code", auth: false, body: VerifyTwoFactorRequest.self, also: [429])
        auth.post("2fa", "login", use: twoFactorLogin)
            .doc(
                "Sign in with password and TOTP code in one step", auth: false, body: TwoFactorLoginRequest.self,
                also: [429])
        auth.post("refresh", use: refresh).doc(
            "Exchange a refresh token (rotated)", auth: false, body: RefreshRequest.self)

        let signedIn = auth.grouped(RoleGuard.authenticated)
        signedIn.post("logout", use: logout).doc(
            "Sign out this session or all sessions", body: LogoutRequest.self, bodyOptional: true)
        signedIn.get("validate", use: validate).doc("Validate the access token")
    }

    /// `POST /auth/register`
    @Sendable func register(req: Request) async throws -> Response {
        let input = try req.content.decode(RegistrationInput.self)
        try input.problems(today: req.now).throwIfAny()
        let user = try await RegistrationService(context: req.callContext).register(input)
        return try await Envelope(
            RegisterResponse(user: try UserResponse(user)),
            message: "Registration successful. A verification code was sent to \(user.email)."
        ).response(status: .created, for: req)
    }

    /// `POST /auth/verify-email`
    @Sendable func verifyEmail(req: Request) async throws -> Envelope<SignInResponse> {
        let input = try req.content.decode(VerifyEmailRequest.self)
        let result = try await RegistrationService(context: req.callContext)
            .verifyEmail(email: input.email, code: input.verificationCode, device: input.deviceInfo)
        return Envelope(result, message: "Email verified")
    }

    /// `POST /auth/resend-verification`
    @Sendable func resendVerification(req: Request) async throws -> Envelope<Empty> {
        let input = try req.content.decode(EmailRequest.self)
        try await RegistrationService(context: req.callContext).resend(email: input.email)
        return .message("If an unverified account exists for this address, a new code has been sent.")
    }

    /// `POST /auth/login`
    @Sendable func login(req: Request) async throws -> Response {
        let input = try req.content.decode(LoginRequest.self)
        switch try await LoginService(context: req.callContext).login(
            email: input.email, password: input.password, device: input.deviceInfo)
        {
        case .signedIn(let result):
            return try await Envelope(result, message: "Login successful").encodeResponse(for: req)
        case .needsTwoFactor(let challenge):
            return try await Envelope(challenge, message: "Two-factor code required").encodeResponse(for: req)
        }
    }

    /// `POST /auth/verify-2fa`
    @Sendable func verifyTwoFactor(req: Request) async throws -> Envelope<SignInResponse> {
        let input = try req.content.decode(VerifyTwoFactorRequest.self)
        return Envelope(
            try await LoginService(context: req.callContext).completeTwoFactor(
                tempToken: input.tempToken, code: input.code),
            message: "Login successful")
    }

    /// `POST /auth/2fa/login`
    @Sendable func twoFactorLogin(req: Request) async throws -> Envelope<SignInResponse> {
        let input = try req.content.decode(TwoFactorLoginRequest.self)
        let result = try await LoginService(context: req.callContext).loginWithCode(
            email: input.email, password: input.password, code: input.code, device: input.deviceInfo)
        return Envelope(result, message: "Login successful")
    }

    /// `POST /auth/refresh`
    @Sendable func refresh(req: Request) async throws -> Envelope<TokenPair> {
        let input = try req.content.decode(RefreshRequest.self)
        let (session, refreshToken) = try await SessionService(context: req.callContext).rotate(input.refreshToken)
        guard let user = try await User.find(session.$user.id, on: req.db) else { throw AuthError.invalidToken }
        try LoginService.requireUsable(user)
        let accessToken = try await TokenIssuer(context: req.callContext).accessToken(
            for: user, sessionId: try session.requireID())
        return Envelope(
            TokenPair(
                accessToken: accessToken, refreshToken: refreshToken,
                expiresIn: Int(req.authContext.settings.accessTokenLifetime)))
    }

    /// `POST /auth/logout`
    @Sendable func logout(req: Request) async throws -> Envelope<Empty> {
        let principal = try req.principal
        let input = try req.optionalBody(LogoutRequest.self, else: LogoutRequest())
        try await req.db.transaction { db in
            let sessions = SessionService(context: req.callContext.on(db))
            if input.allDevices == true {
                try await sessions.revokeAll(of: principal.user, reason: "logout_all")
            } else {
                try await sessions.revoke(sessionId: principal.sessionId, reason: "logout")
            }
            try await AuditTrail.record(
                input.allDevices == true ? "logout_all" : "logout", category: "security", userId: principal.userId,
                context: req.callContext.on(db))
        }
        return .message(input.allDevices == true ? "Signed out of all devices" : "Signed out")
    }

    /// `GET /auth/validate`
    @Sendable func validate(req: Request) async throws -> Envelope<ValidationResponse> {
        let principal = try req.principal
        return Envelope(
            ValidationResponse(
                userId: principal.userId, userType: principal.userType,
                roles: AccessTokenClaims.roles(for: principal.userType), verificationLevel: principal.verificationLevel,
                sessionId: principal.sessionId, expiresAt: principal.expiresAt))
    }
}
