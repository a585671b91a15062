import Fluent
import Platform
import Vapor

// The Auth module's long-lived parts, as its services reach them.
extension CallContext {
    var authSettings: AuthSettings { application.auth.settings }
    var keyRing: SigningKeyRing { application.auth.keyRing }
    var identityProviders: IdentityProviderDirectory { application.auth.identityProviders }
    var timingDummyHash: String { application.auth.timingDummyHash }
    var hasher: SecretHasher { secrets.hasher }

    /// The acting user's account row: 401 when nobody acts or the account no longer exists.
    public func currentUser() async throws -> User {
        guard let user = try await User.find(try requirePrincipal().userId, on: db) else {
            throw AuthError.sessionRevoked
        }
        return user
    }
}
