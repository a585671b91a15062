import Fluent
import Platform
import Vapor

/// The Auth module's long-lived parts, stored on the application.
public struct AuthContext: Sendable {
    public let settings: AuthSettings
    public let keyRing: SigningKeyRing
    public let identityProviders: IdentityProviderDirectory
    /// A bcrypt hash of a random string at the configured cost, verified against when an e-mail is unknown
    /// so response times do not reveal which addresses have accounts.
    public let timingDummyHash: String
}

extension Application {
    private struct AuthContextKey: StorageKey {
        typealias Value = AuthContext
    }

    /// Set when the Auth module boots.
    public var auth: AuthContext {
        get {
            guard let context = storage[AuthContextKey.self] else { fatalError("Auth module not booted") }
            return context
        }
        set { storage[AuthContextKey.self] = newValue }
    }
}
