import Auth
import Fluent
import Platform
import Vapor

/// Proving a phone number with a six-digit SMS code. The code is stored as a keyed hash, lives ten minutes
/// and allows five attempts; a verified number becomes the profile's phone number.
struct PhoneVerificationService {
    let context: CallContext

    static let codeLifetime: TimeInterval = 10 * 60
    static let maxAttempts = 5
    static let resendCooldown: TimeInterval = 60
    static let requestsPerHour = 5
    static let hashPurpose = "phone-verification"

    /// Sends a code to `phoneNumber`, or to the profile's number when none is given.
    func start(_ user: User, phoneNumber: String?) async throws -> PhoneVerificationStarted {
        let userId = try user.requireID()
        let number = phoneNumber?.trimmed ?? user.phoneNumber
        guard let number, !number.isEmpty else {
            throw APIError.validation(["phoneNumber is required: the profile has no phone number"])
        }
        guard TextRules.isPhoneNumber(number) else {
            throw APIError.validation(["phoneNumber must be in E.164 format, e.g. +33612345678"])
        }
        if number == user.phoneNumber, try await VerificationLevelPolicy.isPhoneVerified(user, on: context.db) {
            throw UsersError.phoneAlreadyVerified
        }
        try await requireNotVerifiedElsewhere(number, userId: userId, on: context.db)
        if let last = try await PhoneVerification.query(on: context.db).filter(\.$user.$id == userId)
            .sort(\.$createdAt, .descending).first()
        {
            let wait = last.createdAt.addingTimeInterval(Self.resendCooldown).timeIntervalSince(context.now)
            if wait > 0 { throw UsersError.codeRequestedTooSoon(retryAfter: Int(wait.rounded(.up))) }
        }
        let limit = try await context.rateLimiter.hit(
            "phone-verification:\(userId)", limit: Self.requestsPerHour, window: 3600)
        guard limit.allowed else { throw APIError.rateLimited(retryAfter: limit.retryAfter) }

        let code = RandomToken.numericCode()
        let expiresAt = context.now.addingTimeInterval(Self.codeLifetime)
        try await context.db.transaction { db in
            // A new code replaces any code still waiting.
            try await PhoneVerification.query(on: db).filter(\.$user.$id == userId).filter(\.$verifiedAt == nil)
                .delete()
            try await PhoneVerification(
                userId: userId, phoneNumber: number,
                codeHash: context.secrets.hasher.hash(code, purpose: Self.hashPurpose),
                createdAt: context.now, expiresAt: expiresAt
            ).create(on: db)
            try await SMSOutbox.enqueue(
                SMSMessage(
                    to: number,
                    body:
                        "Your P2P Delivery verification code is \(code). It expires in \(Int(Self.codeLifetime / 60)) minutes.",
                    category: "verification"),
                context: context.on(db))
            try await AuditTrail.record(
                "phone_verification_requested", category: "profile", userId: userId, context: context.on(db))
        }
        return PhoneVerificationStarted(phoneNumber: number, expiresAt: expiresAt, expiresIn: Int(Self.codeLifetime))
    }

    /// Checks the code; on success the number is verified, stored on the profile, and the level recomputed.
    func confirm(_ user: User, code: String) async throws {
        let userId = try user.requireID()
        guard code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw APIError.validation(["code must be the 6 digits sent by SMS"])
        }
        guard
            let pending = try await PhoneVerification.query(on: context.db).filter(\.$user.$id == userId)
                .filter(\.$verifiedAt == nil).sort(\.$createdAt, .descending).first()
        else { throw UsersError.noPendingPhoneVerification }
        guard pending.expiresAt > context.now else { throw UsersError.codeExpired }
        guard pending.attempts < Self.maxAttempts else { throw UsersError.tooManyAttempts }
        // A wrong attempt must count even though the request fails, so it is saved outside any transaction.
        guard context.secrets.hasher.matches(code, purpose: Self.hashPurpose, hash: pending.codeHash) else {
            pending.attempts += 1
            try await pending.save(on: context.db)
            let remaining = Self.maxAttempts - pending.attempts
            throw remaining > 0 ? UsersError.invalidCode(remainingAttempts: remaining) : UsersError.tooManyAttempts
        }
        try await context.db.transaction { db in
            try await requireNotVerifiedElsewhere(pending.phoneNumber, userId: userId, on: db)
            pending.verifiedAt = context.now
            try await pending.save(on: db)
            user.phoneNumber = pending.phoneNumber
            try await user.save(on: db)
            try await AuditTrail.record("phone_verified", category: "profile", userId: userId, context: context.on(db))
            try await VerificationLevelPolicy.refresh(user, context: context.on(db))
        }
    }

    /// A number verified by another account that still uses it cannot be claimed.
    private func requireNotVerifiedElsewhere(_ number: String, userId: UUID, on db: any Database) async throws {
        let others = try await PhoneVerification.query(on: db).filter(\.$phoneNumber == number)
            .filter(\.$verifiedAt != nil).filter(\.$user.$id != userId).all().map { $0.$user.id }
        guard !others.isEmpty else { return }
        let holders = try await User.query(on: db).filter(\.$id ~~ others).filter(\.$phoneNumber == number).count()
        if holders > 0 { throw UsersError.phoneInUse }
    }
}
