import Auth
import Fluent
import Platform
import Vapor

/// Reading and changing profiles. Names, phone and birth date live on `users` (Auth's table); bio,
/// languages and the picture on `user_profiles`.
struct ProfileService {
    let context: CallContext

    func myProfile(_ user: User) async throws -> MyProfileResponse {
        let profile = try await UserRows.profile(of: try user.requireID(), on: context.db)
        let phoneVerified = try await VerificationLevelPolicy.isPhoneVerified(user, on: context.db)
        return try MyProfileResponse(user: user, profile: profile, phoneVerified: phoneVerified)
    }

    /// Applies the fields present in `input`, all or nothing. A new phone number loses the "phone verified"
    /// fact, so the verification level is recomputed.
    func update(_ user: User, with input: ProfileUpdateInput) async throws -> MyProfileResponse {
        try ProfileRules.check(input, current: user, today: context.now)
        let userId = try user.requireID()
        let phoneBefore = user.phoneNumber
        var changed: [String] = []
        func apply<Value: Equatable>(_ value: Value?, to keyPath: ReferenceWritableKeyPath<User, Value>, _ name: String)
        {
            guard let value, user[keyPath: keyPath] != value else { return }
            user[keyPath: keyPath] = value
            changed.append(name)
        }
        apply(input.firstName?.trimmed, to: \.firstName, "firstName")
        apply(input.lastName?.trimmed, to: \.lastName, "lastName")
        apply(input.phoneNumber.map { $0.isEmpty ? nil : $0 }, to: \.phoneNumber, "phoneNumber")
        apply(input.dateOfBirth.map { $0.isEmpty ? nil : $0 }, to: \.dateOfBirth, "dateOfBirth")
        apply(input.userType.flatMap(UserType.init(rawValue:)), to: \.userType, "userType")
        apply(input.preferredLanguage, to: \.preferredLanguage, "preferredLanguage")
        apply(input.timezone, to: \.timezone, "timezone")
        apply(input.preferredCurrency, to: \.preferredCurrency, "preferredCurrency")
        let changedOnUser = changed
        return try await context.db.transaction { db in
            let profile = try await UserRows.profile(of: userId, on: db)
            var profileChanges: [String] = []
            if let bio = input.bio?.trimmed, profile.bio != (bio.isEmpty ? nil : bio) {
                profile.bio = bio.isEmpty ? nil : bio
                profileChanges.append("bio")
            }
            if let languages = input.languages.map(ProfileRules.normalizedLanguages), profile.languages != languages {
                profile.languages = languages
                profileChanges.append("languages")
            }
            if !changedOnUser.isEmpty { try await user.save(on: db) }
            if !profileChanges.isEmpty { try await profile.save(on: db) }
            if user.phoneNumber != phoneBefore {
                try await VerificationLevelPolicy.refresh(user, context: context.on(db))
            }
            let fields = changedOnUser + profileChanges
            if !fields.isEmpty {
                try await AuditTrail.record(
                    "profile_updated", category: "profile", userId: userId, entityType: "user",
                    entityId: userId.uuidString, metadata: ["fields": fields.joined(separator: ",")],
                    context: context.on(db))
            }
            let phoneVerified = try await VerificationLevelPolicy.isPhoneVerified(user, on: db)
            return try MyProfileResponse(user: user, profile: profile, phoneVerified: phoneVerified)
        }
    }

    /// The public view of `id` as `viewer` may see it.
    func publicProfile(of id: UUID, viewer: UUID) async throws -> PublicProfileResponse {
        let user = try await UserDirectory(db: context.db).visibleUser(id, to: viewer)
        let profile = try await UserProfile.query(on: context.db).filter(\.$user.$id == id).first()
        let statistics = try await UserStatistics.query(on: context.db).filter(\.$user.$id == id).first()
        let preferences = try await UserPreferences.query(on: context.db).filter(\.$user.$id == id).first()
        return try PublicProfileResponse(
            user: user, profile: profile, statistics: statistics, privacy: preferences?.privacySettings ?? [:])
    }
}
