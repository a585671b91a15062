import Fluent
import Foundation
import Platform

/// The per-user rows Users keeps (`user_profiles`, `user_preferences`, `user_statistics`): created with the
/// account, and created on first read for accounts that predate the module.
enum UserRows {
    /// Creates whichever of the three rows is missing; safe to call twice.
    static func createMissing(for userId: UUID, on db: any Database) async throws {
        _ = try await profile(of: userId, on: db)
        _ = try await preferences(of: userId, on: db)
        _ = try await statistics(of: userId, on: db)
    }

    static func profile(of userId: UUID, on db: any Database) async throws -> UserProfile {
        try await existing(UserProfile.query(on: db).filter(\.$user.$id == userId).first(), on: db) {
            UserProfile(userId: userId)
        }
    }

    static func preferences(of userId: UUID, on db: any Database) async throws -> UserPreferences {
        try await existing(UserPreferences.query(on: db).filter(\.$user.$id == userId).first(), on: db) {
            UserPreferences(userId: userId)
        }
    }

    static func statistics(of userId: UUID, on db: any Database) async throws -> UserStatistics {
        try await existing(UserStatistics.query(on: db).filter(\.$user.$id == userId).first(), on: db) {
            UserStatistics(userId: userId)
        }
    }

    /// The row found, or a new one created from `make`.
    private static func existing<Row: Model>(_ found: Row?, on db: any Database, make: () -> Row) async throws -> Row {
        if let found { return found }
        let row = make()
        try await row.create(on: db)
        return row
    }
}
