import Auth
import Fluent
import Platform
import Vapor

/// The signed-in user's profile (read, create/complete, update, delete) and other users' public profiles.
struct ProfileController: RouteCollection {
    struct DeleteRequest: Content {
        var password: String?
        var reason: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users").grouped(RoleGuard.authenticated)
        users.get("me", use: me).doc("The signed-in user's profile")
        users.put("me", use: update).doc("Update the signed-in user's profile", body: ProfileUpdateInput.self)
        users.post("profile", use: create)
            .doc(
                "Create (complete) the signed-in user's profile; same rules as PUT /users/me",
                body: ProfileUpdateInput.self)
        users.put("profile", use: update).doc("Update the signed-in user's profile", body: ProfileUpdateInput.self)
        users.delete("me", use: delete)
            .doc(
                "Delete the account and erase personal data (as DELETE /auth/account)", body: DeleteRequest.self,
                bodyOptional: true)
        users.get(":userId", use: publicProfile).doc("Public profile of a user (no private fields)")
    }

    /// `GET /users/me`
    @Sendable func me(req: Request) async throws -> Envelope<MyProfileResponse> {
        Envelope(try await ProfileService(context: req.callContext).myProfile(try await req.currentUser()))
    }

    /// `PUT /users/me`, `PUT /users/profile`
    @Sendable func update(req: Request) async throws -> Envelope<MyProfileResponse> {
        let input = try req.content.decode(ProfileUpdateInput.self)
        let profile = try await ProfileService(context: req.callContext).update(
            try await req.currentUser(), with: input)
        return Envelope(profile, message: "Profile updated")
    }

    /// `POST /users/profile`: the rows exist from registration, so creating the profile fills them in.
    @Sendable func create(req: Request) async throws -> Envelope<MyProfileResponse> {
        let input = try req.content.decode(ProfileUpdateInput.self)
        let profile = try await ProfileService(context: req.callContext).update(
            try await req.currentUser(), with: input)
        return Envelope(profile, message: "Profile saved")
    }

    /// `DELETE /users/me`
    @Sendable func delete(req: Request) async throws -> Envelope<Empty> {
        let input = try req.optionalBody(DeleteRequest.self, else: DeleteRequest())
        try await AccountDeletion.deleteSignedInUser(
            password: input.password, reason: input.reason, context: req.callContext)
        return .message("Account deleted")
    }

    /// `GET /users/{userId}`
    @Sendable func publicProfile(req: Request) async throws -> Envelope<PublicProfileResponse> {
        let id = try UserDirectory.userId(req.parameters.get("userId"))
        return Envelope(
            try await ProfileService(context: req.callContext).publicProfile(of: id, viewer: try req.principal.userId))
    }
}
