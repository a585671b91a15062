import Fluent
import Platform
import Vapor

/// What the Auth module holds about a user, for export and erasure.
enum AuthPersonalData {
    static var section: PersonalDataRegistry.Section {
        PersonalDataRegistry.Section(name: "account", export: export, erase: erase)
    }

    @Sendable static func export(userId: UUID, db: any Database) async throws -> JSONValue {
        guard let user = try await User.query(on: db).withDeleted().filter(\.$id == userId).first() else {
            return .null
        }
        let sessions = try await UserSession.query(on: db).filter(\.$user.$id == userId).sort(\.$createdAt).all()
        let social = try await SocialAccount.query(on: db).filter(\.$user.$id == userId).all()
        let twoFactor = try await UserTwoFactorAuth.query(on: db).filter(\.$user.$id == userId).first()
        let security = try await AuditLogEntry.query(on: db).filter(\.$userId == userId).sort(\.$createdAt).all()
        return .object([
            "profile": try JSONValue.from(UserResponse(user)),
            "sessions": try JSONValue.from(sessions.map(SessionResponse.init)),
            "linkedAccounts": try JSONValue.from(social.map(LinkedAccountResponse.init)),
            "twoFactor": .object([
                "enabled": .bool(twoFactor?.enabled ?? false),
                "backupCodesRemaining": .number(Double(twoFactor?.backupCodes.count ?? 0)),
            ]),
            "activity": try JSONValue.from(security.map(AuditEntryResponse.init)),
        ])
    }

    @Sendable static func erase(userId: UUID, context: CallContext) async throws {
        let db = context.db
        let now = context.now
        try await UserTwoFactorAuth.query(on: db).filter(\.$user.$id == userId).delete()
        try await SocialAccount.query(on: db).filter(\.$user.$id == userId).delete()
        try await EmailVerificationToken.query(on: db).filter(\.$user.$id == userId).delete()
        try await PasswordResetToken.query(on: db).filter(\.$user.$id == userId).delete()
        try await UserSession.query(on: db).filter(\.$user.$id == userId).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).set(\.$revokedReason, to: "account_deleted").update()
        try await UserSession.query(on: db).filter(\.$user.$id == userId)
            .set(\.$ipAddress, to: nil).set(\.$userAgent, to: nil).set(\.$location, to: nil)
            .set(\.$deviceName, to: nil).set(\.$pushToken, to: nil).set(\.$deviceId, to: nil).update()
        try await AuditLogEntry.query(on: db).filter(\.$userId == userId)
            .set(\.$ipAddress, to: nil).set(\.$userAgent, to: nil).update()
        guard let user = try await User.find(userId, on: db) else { return }
        user.email = "deleted-\(userId.uuidString.lowercased())@deleted.invalid"
        user.firstName = "Deleted"
        user.lastName = "User"
        user.phoneNumber = nil
        user.dateOfBirth = nil
        user.passwordHash = nil
        user.status = .deleted
        try await user.save(on: db)
        try await user.delete(on: db)
    }
}
