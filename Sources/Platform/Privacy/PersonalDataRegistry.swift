import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Every module registers what it holds about a user, so one export and one erasure cover all tables.
public final class PersonalDataRegistry: Sendable {
    /// One module's share of a user's data.
    public struct Section: Sendable {
        public let name: String
        /// Everything this module holds on the user, as JSON.
        public let export: @Sendable (UUID, any Database) async throws -> JSONValue
        /// Deletes or scrubs the user's personal data on the context's database (the erasure's transaction).
        public let erase: @Sendable (UUID, CallContext) async throws -> Void

        public init(
            name: String,
            export: @escaping @Sendable (UUID, any Database) async throws -> JSONValue,
            erase: @escaping @Sendable (UUID, CallContext) async throws -> Void
        ) {
            self.name = name
            self.export = export
            self.erase = erase
        }
    }

    private let sections = NIOLockedValueBox<[Section]>([])

    public init() {}

    public func register(_ section: Section) {
        sections.withLockedValue { $0.append(section) }
    }

    /// `{ "<section>": … }` for every registered module.
    public func export(userId: UUID, on db: any Database) async throws -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for section in sections.withLockedValue({ $0 }) {
            result[section.name] = try await section.export(userId, db)
        }
        return result
    }

    /// Runs every module's erasure, higher modules first, on the context's transaction.
    public func erase(userId: UUID, context: CallContext) async throws {
        for section in sections.withLockedValue({ $0 }).reversed() {
            try await section.erase(userId, context)
        }
    }
}

extension Application {
    private struct RegistryKey: StorageKey {
        typealias Value = PersonalDataRegistry
    }

    /// The personal-data registry.
    public var personalData: PersonalDataRegistry {
        if let registry = storage[RegistryKey.self] { return registry }
        let registry = PersonalDataRegistry()
        storage[RegistryKey.self] = registry
        return registry
    }
}
