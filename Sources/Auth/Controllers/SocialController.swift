import Fluent
import Platform
import Vapor

/// Social login and linked accounts (OpenID Connect ID tokens from Google or Apple).
struct SocialController: RouteCollection {
    struct LinkRequest: Content {
        var provider: String
        var idToken: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let auth = routes.grouped("auth")
        auth.post("social-login", use: socialLogin)
            .doc("Sign in or sign up with a Google or Apple ID token", auth: false, body: SocialSignInInput.self)
        let social = auth.grouped("social").grouped(RoleGuard.authenticated)
        social.post("link", use: link).doc("Link a social identity to this account", body: LinkRequest.self)
        social.delete(":provider", use: unlink).doc("Unlink a social identity")
        social.get("linked", use: linked).doc("Linked social identities")
    }

    /// `POST /auth/social-login`
    @Sendable func socialLogin(req: Request) async throws -> Envelope<SignInResponse> {
        let input = try req.content.decode(SocialSignInInput.self)
        return Envelope(
            try await SocialLoginService(context: req.callContext).signIn(input), message: "Login successful")
    }

    /// `POST /auth/social/link`
    @Sendable func link(req: Request) async throws -> Response {
        let input = try req.content.decode(LinkRequest.self)
        let account = try await SocialLoginService(context: req.callContext).link(
            provider: input.provider, idToken: input.idToken)
        return try await Envelope(LinkedAccountResponse(account), message: "\(input.provider) account linked")
            .response(status: .created, for: req)
    }

    /// `DELETE /auth/social/{provider}`
    @Sendable func unlink(req: Request) async throws -> Envelope<Empty> {
        let provider = try req.parameters.require("provider")
        try await SocialLoginService(context: req.callContext).unlink(provider: provider)
        return .message("\(provider) account unlinked")
    }

    /// `GET /auth/social/linked`
    @Sendable func linked(req: Request) async throws -> Envelope<[LinkedAccountResponse]> {
        let accounts = try await SocialAccount.query(on: req.db).filter(\.$user.$id == (try req.principal.userId))
            .sort(\.$provider).all()
        return Envelope(accounts.map(LinkedAccountResponse.init))
    }
}
