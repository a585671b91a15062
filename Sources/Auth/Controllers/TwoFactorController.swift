import Platform
import Vapor

/// TOTP two-factor authentication for the signed-in user.
struct TwoFactorController: RouteCollection {
    struct CodeRequest: Content {
        var code: String
    }

    struct DisableRequest: Content {
        var password: String
        var code: String
    }

    struct PasswordRequest: Content {
        var password: String
    }

    struct StatusResponse: Content {
        var enabled: Bool
        var enabledAt: Date?
        var pendingSetup: Bool
        var backupCodesRemaining: Int
        var backupCodesGeneratedAt: Date?
    }

    struct BackupCodesResponse: Content {
        var backupCodes: [String]
    }

    func boot(routes: any RoutesBuilder) throws {
        let twoFactor = routes.grouped("auth", "2fa").grouped(RoleGuard.authenticated)
        twoFactor.post("setup", use: setUp).doc("Start 2FA setup: secret, otpauth URI, QR code and backup codes")
        twoFactor.post("enable", use: enable).doc(
            "Enable 2FA with a code from the authenticator", body: CodeRequest.self, also: [429])
        twoFactor.post("disable", use: disable).doc(
            "Disable 2FA with password and code", body: DisableRequest.self, also: [429])
        twoFactor.post("verify", use: verify).doc(
            "Check a 2FA code for the signed-in user", body: CodeRequest.self, also: [429])
        twoFactor.get("status", use: status).doc("2FA status")
        twoFactor.post("regenerate-backup-codes", use: regenerate)
            .doc("Replace the backup codes (needs a current code)", body: CodeRequest.self, also: [429])
        twoFactor.post("recovery-codes", use: recoveryCodes)
            .doc(
                "How many backup codes remain (they are stored hashed and cannot be shown again)",
                body: PasswordRequest.self, also: [429])
    }

    /// `POST /auth/2fa/setup`
    @Sendable func setUp(req: Request) async throws -> Envelope<TwoFactorService.Setup> {
        let user = try await req.currentUser()
        return Envelope(
            try await TwoFactorService(context: req.callContext).setUp(for: user),
            message: "Scan the QR code, then confirm with a code to enable two-factor authentication")
    }

    /// `POST /auth/2fa/enable`
    @Sendable func enable(req: Request) async throws -> Envelope<StatusResponse> {
        let input = try req.content.decode(CodeRequest.self)
        let user = try await req.currentUser()
        try await TwoFactorService(context: req.callContext).enable(for: user, code: input.code)
        return Envelope(try await currentStatus(req), message: "Two-factor authentication enabled")
    }

    /// `POST /auth/2fa/disable`
    @Sendable func disable(req: Request) async throws -> Envelope<StatusResponse> {
        let input = try req.content.decode(DisableRequest.self)
        let user = try await req.currentUser()
        try await TwoFactorService(context: req.callContext).disable(
            for: user, password: input.password, code: input.code)
        return Envelope(try await currentStatus(req), message: "Two-factor authentication disabled")
    }

    /// `POST /auth/2fa/verify`
    @Sendable func verify(req: Request) async throws -> Envelope<Empty> {
        let input = try req.content.decode(CodeRequest.self)
        try await TwoFactorService(context: req.callContext).verify(for: try await req.currentUser(), code: input.code)
        return .message("Code verified")
    }

    /// `GET /auth/2fa/status`
    @Sendable func status(req: Request) async throws -> Envelope<StatusResponse> {
        Envelope(try await currentStatus(req))
    }

    /// `POST /auth/2fa/regenerate-backup-codes`
    @Sendable func regenerate(req: Request) async throws -> Envelope<BackupCodesResponse> {
        let input = try req.content.decode(CodeRequest.self)
        let codes = try await TwoFactorService(context: req.callContext).regenerateBackupCodes(
            for: try await req.currentUser(), code: input.code)
        return Envelope(BackupCodesResponse(backupCodes: codes), message: "Store these codes somewhere safe")
    }

    /// `POST /auth/2fa/recovery-codes`
    @Sendable func recoveryCodes(req: Request) async throws -> Envelope<StatusResponse> {
        let input = try req.content.decode(PasswordRequest.self)
        let user = try await req.currentUser()
        try await TwoFactorService(context: req.callContext).requirePassword(input.password, of: user)
        return Envelope(try await currentStatus(req))
    }

    private func currentStatus(_ req: Request) async throws -> StatusResponse {
        let record = try await TwoFactorService(context: req.callContext).record(for: try req.principal.userId)
        return StatusResponse(
            enabled: record?.enabled ?? false, enabledAt: record?.enabledAt,
            pendingSetup: record.map { !$0.enabled } ?? false,
            backupCodesRemaining: record?.enabled == true ? record?.backupCodes.count ?? 0 : 0,
            backupCodesGeneratedAt: record?.backupCodesGeneratedAt)
    }
}
