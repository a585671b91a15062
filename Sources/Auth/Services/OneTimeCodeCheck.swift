import Fluent
import Platform
import Vapor

/// A stored one-time code: its keyed hash, expiry and the wrong guesses made so far.
protocol OneTimeCodeRecord: Model {
    var tokenHash: String { get }
    var expiresAt: Date { get }
    var attempts: Int { get set }
}

extension EmailVerificationToken: OneTimeCodeRecord {}
extension PasswordResetToken: OneTimeCodeRecord {}

/// The rule for checking a submitted code, shared by e-mail verification and password reset: expired codes
/// and used-up attempts are refused, and a wrong guess is counted (and saved) before the error is thrown.
enum OneTimeCodeCheck {
    static func verify<Record: OneTimeCodeRecord>(
        _ code: String, against record: Record, purpose: String, maxAttempts: Int, context: CallContext
    ) async throws {
        guard record.expiresAt > context.now else { throw AuthError.codeExpired }
        guard record.attempts < maxAttempts else { throw AuthError.tooManyAttempts }
        guard context.hasher.matches(code, purpose: purpose, hash: record.tokenHash) else {
            record.attempts += 1
            try await record.save(on: context.db)
            let remaining = maxAttempts - record.attempts
            if remaining <= 0 { throw AuthError.tooManyAttempts }
            throw AuthError.invalidCode(remainingAttempts: remaining)
        }
    }
}
