import Fluent
import Platform
import Vapor

extension Request {
    /// The signed-in user's account row, or 401 when it no longer exists.
    public func currentUser() async throws -> User {
        guard let user = try await User.find(try principal.userId, on: db) else { throw AuthError.sessionRevoked }
        return user
    }
}

extension Request {
    /// The Auth module's long-lived parts, for controllers (services use their context's accessors).
    var authContext: AuthContext { application.auth }
}
