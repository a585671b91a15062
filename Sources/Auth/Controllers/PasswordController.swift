import Platform
import Vapor

/// Forgot, reset and change password.
struct PasswordController: RouteCollection {
    struct ForgotRequest: Content {
        var email: String
    }

    struct ResetRequest: Content {
        var email: String
        var resetCode: String
        var newPassword: String
        var confirmPassword: String
    }

    struct ChangeRequest: Content {
        var currentPassword: String
        var newPassword: String
        var confirmPassword: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let auth = routes.grouped("auth")
        auth.post("forgot-password", use: forgot)
            .doc(
                "E-mail a password reset code (same answer for unknown e-mails)", auth: false, body: ForgotRequest.self)
        auth.post("reset-password", use: reset)
            .doc("Set a new password with the e-mailed code", auth: false, body: ResetRequest.self, also: [429])
        auth.grouped(RoleGuard.authenticated).post("change-password", use: change)
            .doc("Change the password; other sessions are signed out", body: ChangeRequest.self)
    }

    /// `POST /auth/forgot-password`
    @Sendable func forgot(req: Request) async throws -> Envelope<Empty> {
        let input = try req.content.decode(ForgotRequest.self)
        try await PasswordService(context: req.callContext).forgot(email: input.email)
        return .message("If an account exists for this address, a reset code has been sent.")
    }

    /// `POST /auth/reset-password`
    @Sendable func reset(req: Request) async throws -> Envelope<Empty> {
        let input = try req.content.decode(ResetRequest.self)
        guard input.newPassword == input.confirmPassword else {
            throw APIError.validation(["confirmPassword must match newPassword"])
        }
        try await PasswordService(context: req.callContext).reset(
            email: input.email, code: input.resetCode, newPassword: input.newPassword)
        return .message("Password reset. Please sign in with your new password.")
    }

    /// `POST /auth/change-password`
    @Sendable func change(req: Request) async throws -> Envelope<Empty> {
        let input = try req.content.decode(ChangeRequest.self)
        guard input.newPassword == input.confirmPassword else {
            throw APIError.validation(["confirmPassword must match newPassword"])
        }
        let user = try await req.currentUser()
        try await PasswordService(context: req.callContext).change(
            user: user, current: input.currentPassword, new: input.newPassword, sessionId: try req.principal.sessionId)
        return .message("Password changed. Other sessions were signed out.")
    }
}
