import Platform
import Vapor

/// Account deletion for other modules' routes (`DELETE /users/me` answers like `DELETE /auth/account`).
public enum AccountDeletion {
    /// Checks the password (when the account has one), erases every module's personal data and soft-deletes
    /// the account, in one transaction.
    public static func deleteSignedInUser(password: String?, reason: String?, context: CallContext) async throws {
        try await AccountService(context: context).delete(
            try await context.currentUser(), password: password, reason: reason)
    }
}
