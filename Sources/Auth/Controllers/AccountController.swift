import Fluent
import Platform
import Vapor

/// Account status, settings, deactivation, reactivation, deletion, export and security log.
struct AccountController: RouteCollection {
    struct ConfirmRequest: Content {
        var password: String?
        var reason: String?
    }

    struct ReactivateRequest: Content {
        var email: String
        var password: String
        var deviceInfo: DeviceInfo?
    }

    struct StatusResponse: Content {
        var status: User.Status
        var verificationLevel: VerificationLevel
        var emailVerified: Bool
        var twoFactorEnabled: Bool
        var hasPassword: Bool
        var linkedProviders: [String]
        var createdAt: Date?
        var deactivatedAt: Date?
        var settings: SettingsResponse
    }

    struct SettingsResponse: Content {
        var preferredLanguage: String
        var timezone: String
        var preferredCurrency: String
        var loginAlerts: Bool
    }

    struct ExportResponse: Content {
        var exportedAt: Date
        var userId: UUID
        var data: [String: JSONValue]
    }

    func boot(routes: any RoutesBuilder) throws {
        let account = routes.grouped("auth", "account")
        account.post("reactivate", use: reactivate)
            .doc("Reactivate a deactivated account and sign in", auth: false, body: ReactivateRequest.self)
        let signedIn = account.grouped(RoleGuard.authenticated)
        signedIn.get("status", use: status).doc("Account status")
        signedIn.patch("settings", use: updateSettings).doc("Update account settings", body: AccountSettingsInput.self)
        signedIn.get("export", use: export).doc("Export everything the platform holds on the user (JSON)")
        signedIn.get("security-log", use: securityLog).doc("Security events of the account, newest first")
        signedIn.post("deactivate", use: deactivate).doc("Deactivate the account", body: ConfirmRequest.self)
        routes.grouped("auth").grouped(RoleGuard.authenticated).delete("account", use: delete)
            .doc("Delete the account and erase personal data", body: ConfirmRequest.self, bodyOptional: true)
    }

    /// `GET /auth/account/status`
    @Sendable func status(req: Request) async throws -> Envelope<StatusResponse> {
        let user = try await req.currentUser()
        let userId = try user.requireID()
        let providers = try await SocialAccount.query(on: req.db).filter(\.$user.$id == userId).all().map(\.provider)
        return Envelope(
            StatusResponse(
                status: user.status, verificationLevel: user.verificationLevel,
                emailVerified: user.emailVerifiedAt != nil,
                twoFactorEnabled: try await TwoFactorService(context: req.callContext).isEnabled(for: userId),
                hasPassword: user.passwordHash != nil, linkedProviders: providers.sorted(), createdAt: user.createdAt,
                deactivatedAt: user.deactivatedAt, settings: Self.settings(of: user)))
    }

    /// `PATCH /auth/account/settings`
    @Sendable func updateSettings(req: Request) async throws -> Envelope<SettingsResponse> {
        let input = try req.content.decode(AccountSettingsInput.self)
        let user = try await req.currentUser()
        try await AccountService(context: req.callContext).updateSettings(user, input)
        return Envelope(Self.settings(of: user), message: "Settings updated")
    }

    /// `GET /auth/account/export`
    @Sendable func export(req: Request) async throws -> Response {
        let userId = try req.principal.userId
        let data = try await req.application.personalData.export(userId: userId, on: req.db)
        let response = try await Envelope(ExportResponse(exportedAt: req.now, userId: userId, data: data))
            .encodeResponse(for: req)
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"p2p-export-\(userId.uuidString.lowercased()).json\"")
        return response
    }

    /// `GET /auth/account/security-log`
    @Sendable func securityLog(req: Request) async throws -> Envelope<[AuditEntryResponse]> {
        let page = try await AuditLogEntry.query(on: req.db)
            .filter(\.$userId == (try req.principal.userId)).filter(\.$category == "security")
            .sort(\.$createdAt, .descending)
            .page(try PageQuery(from: req))
        return .list(try page.map(AuditEntryResponse.init))
    }

    /// `POST /auth/account/deactivate`
    @Sendable func deactivate(req: Request) async throws -> Envelope<Empty> {
        let input = try req.content.decode(ConfirmRequest.self)
        try await AccountService(context: req.callContext).deactivate(
            try await req.currentUser(), password: input.password, reason: input.reason)
        return .message("Account deactivated. Sign in again with your password to reactivate it.")
    }

    /// `POST /auth/account/reactivate`
    @Sendable func reactivate(req: Request) async throws -> Envelope<SignInResponse> {
        let input = try req.content.decode(ReactivateRequest.self)
        return Envelope(
            try await AccountService(context: req.callContext).reactivate(
                email: input.email, password: input.password, device: input.deviceInfo),
            message: "Account reactivated")
    }

    /// `DELETE /auth/account`
    @Sendable func delete(req: Request) async throws -> Envelope<Empty> {
        let input = try req.optionalBody(ConfirmRequest.self, else: ConfirmRequest())
        try await AccountService(context: req.callContext).delete(
            try await req.currentUser(), password: input.password, reason: input.reason)
        return .message("Account deleted")
    }

    static func settings(of user: User) -> SettingsResponse {
        SettingsResponse(
            preferredLanguage: user.preferredLanguage, timezone: user.timezone,
            preferredCurrency: user.preferredCurrency, loginAlerts: user.loginAlertsEnabled)
    }
}
