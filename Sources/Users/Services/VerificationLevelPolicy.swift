import Auth
import Fluent
import Foundation
import Platform
import Vapor

/// The one place that decides a user's verification level, from three facts: e-mail verified, the current
/// phone number verified by SMS, and an approved identity document.
enum VerificationLevelPolicy {
    /// What the level is computed from.
    struct Facts: Sendable, Equatable {
        var emailVerified: Bool
        var phoneVerified: Bool
        var identityApproved: Bool
    }

    /// E-mail is the entry ticket; identity outranks phone; both together are "fully verified".
    static func level(for facts: Facts) -> VerificationLevel {
        guard facts.emailVerified else { return .unverified }
        switch (facts.phoneVerified, facts.identityApproved) {
        case (true, true): return .fullyVerified
        case (false, true): return .idVerified
        case (true, false): return .phoneVerified
        case (false, false): return .emailVerified
        }
    }

    /// Reads the facts of `user` from the database.
    static func facts(for user: User, on db: any Database) async throws -> Facts {
        let userId = try user.requireID()
        return Facts(
            emailVerified: user.emailVerifiedAt != nil,
            phoneVerified: try await isPhoneVerified(user, on: db),
            identityApproved: try await UserVerificationDocument.query(on: db)
                .filter(\.$user.$id == userId).filter(\.$status == .approved).count() > 0)
    }

    /// Whether the user's current phone number has a verified SMS code.
    static func isPhoneVerified(_ user: User, on db: any Database) async throws -> Bool {
        guard let phone = user.phoneNumber else { return false }
        return try await PhoneVerification.query(on: db)
            .filter(\.$user.$id == user.requireID()).filter(\.$phoneNumber == phone).filter(\.$verifiedAt != nil)
            .count() > 0
    }

    /// Recomputes the level after a fact changed, writes `users.verification_level` and announces a change.
    /// Call it in the transaction that changed the fact.
    @discardableResult
    static func refresh(_ user: User, context: CallContext) async throws -> VerificationLevel {
        let db = context.db
        let level = level(for: try await facts(for: user, on: db))
        let previous = user.verificationLevel
        guard level != previous else { return level }
        user.verificationLevel = level
        try await user.save(on: db)
        let userId = try user.requireID()
        try await AuditTrail.record(
            "verification_level_changed", category: "profile", userId: userId,
            metadata: ["from": previous.rawValue, "to": level.rawValue], context: context)
        try await context.publish(UserVerificationLevelChanged(userId: userId, from: previous, to: level))
        return level
    }
}
