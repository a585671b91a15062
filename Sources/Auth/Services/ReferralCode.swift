import Fluent
import Platform

/// Allocates the unique referral code every account gets.
enum ReferralCode {
    /// Eight characters without look-alikes; retried on the rare collision.
    static func unique(on db: any Database) async throws -> String {
        for _ in 0..<10 {
            let code = RandomToken.code(length: 8)
            if try await User.query(on: db).withDeleted().filter(\.$referralCode == code).first() == nil {
                return code
            }
        }
        throw APIError(
            .internalServerError, code: "REFERRAL_CODE_EXHAUSTED", reason: "Could not allocate a referral code")
    }
}
