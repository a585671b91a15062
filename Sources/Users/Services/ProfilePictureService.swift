import Auth
import Fluent
import Platform
import Vapor

/// Stores, replaces and serves profile pictures through the application's `FileStore`.
struct ProfilePictureService {
    let context: CallContext

    /// Stores the new picture, then points the profile at it; the old file goes once the change commits.
    func replace(for userId: UUID, with file: UploadRules.Checked) async throws {
        let key = UploadRules.key(folder: "profile-pictures", userId: userId, signature: file.signature)
        let stored = try await context.fileStore.put(
            file.data, key: key, contentType: file.signature.contentType)
        do {
            try await context.db.transaction { db in
                let profile = try await UserRows.profile(of: userId, on: db)
                let previous = profile.profilePictureKey
                profile.profilePictureKey = stored.key
                profile.profilePictureContentType = stored.contentType
                try await profile.save(on: db)
                try await StoredFileCleanup.enqueue(previous.map { [$0] } ?? [], context: context.on(db))
                try await AuditTrail.record(
                    "profile_picture_updated", category: "profile", userId: userId,
                    metadata: ["contentType": stored.contentType, "size": String(stored.size)], context: context.on(db))
            }
        } catch {
            // Nothing points at the new file when the change did not commit.
            try? await context.fileStore.delete(stored.key)
            throw error
        }
    }

    func remove(for userId: UUID) async throws {
        try await context.db.transaction { db in
            let profile = try await UserRows.profile(of: userId, on: db)
            guard let key = profile.profilePictureKey else { throw UsersError.profilePictureNotFound }
            profile.profilePictureKey = nil
            profile.profilePictureContentType = nil
            try await profile.save(on: db)
            try await StoredFileCleanup.enqueue([key], context: context.on(db))
            try await AuditTrail.record(
                "profile_picture_removed", category: "profile", userId: userId, context: context.on(db))
        }
    }

    /// The picture bytes and content type, when `viewer` may see the user and the user shows a picture.
    func picture(of userId: UUID, viewer: UUID) async throws -> (Data, String) {
        _ = try await UserDirectory(db: context.db).visibleUser(userId, to: viewer)
        guard let profile = try await UserProfile.query(on: context.db).filter(\.$user.$id == userId).first(),
            let key = profile.profilePictureKey
        else { throw UsersError.profilePictureNotFound }
        if userId != viewer {
            let preferences = try await UserPreferences.query(on: context.db).filter(\.$user.$id == userId).first()
            if preferences?.privacySettings["showProfilePicture"] == .bool(false) {
                throw UsersError.profilePictureNotFound
            }
        }
        guard let data = try await context.fileStore.get(key) else { throw UsersError.profilePictureNotFound }
        return (data, profile.profilePictureContentType ?? "application/octet-stream")
    }
}
