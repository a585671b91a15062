import Fluent
import Platform
import Vapor

/// User management (original service 3002): profiles, addresses, preferences, verification, relationships.
public struct UsersModule: PlatformModule {
    public init() {}

    public var name: String { "users" }

    public var migrations: [any Migration] { [] }

    public func boot(_ app: Application) async throws {}

    public func routes(_ root: any RoutesBuilder) throws {}
}
