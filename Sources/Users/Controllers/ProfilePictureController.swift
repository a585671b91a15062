import Auth
import Fluent
import Platform
import Vapor

/// Uploading and serving profile pictures.
struct ProfilePictureController: RouteCollection {
    /// `multipart/form-data` with one file field, `file`.
    struct UploadForm: Content {
        var file: File
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users").grouped(RoleGuard.authenticated)
        users.on(.POST, "me", "profile-picture", body: .collect(maxSize: "16mb"), use: upload)
            .doc(
                "Upload a profile picture (multipart field `file`: JPEG, PNG or WebP, at most 5 MB)",
                body: UploadForm.self)
        users.delete("me", "profile-picture", use: remove).doc("Remove the profile picture", also: [404])
        users.get(":userId", "profile-picture", use: show).doc("The user's profile picture (image bytes)")
    }

    /// `POST /users/me/profile-picture`
    @Sendable func upload(req: Request) async throws -> Envelope<MyProfileResponse> {
        let form = try req.content.decode(UploadForm.self)
        let file = try UploadRules.check(form.file, field: "file", allowed: UploadRules.images)
        let user = try await req.currentUser()
        try await ProfilePictureService(context: req.callContext).replace(for: try user.requireID(), with: file)
        return Envelope(
            try await ProfileService(context: req.callContext).myProfile(user), message: "Profile picture updated")
    }

    /// `DELETE /users/me/profile-picture`
    @Sendable func remove(req: Request) async throws -> Envelope<Empty> {
        try await ProfilePictureService(context: req.callContext).remove(for: try req.principal.userId)
        return .message("Profile picture removed")
    }

    /// `GET /users/{userId}/profile-picture`
    @Sendable func show(req: Request) async throws -> Response {
        let id = try UserDirectory.userId(req.parameters.get("userId"))
        let (data, contentType) = try await ProfilePictureService(context: req.callContext).picture(
            of: id, viewer: try req.principal.userId)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=300")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
