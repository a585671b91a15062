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
        if let existing = try await UserProfile.query(on: db).filter(\.$user.$id == userId).first() { return existing }
        let profile = UserProfile(userId: userId)
        try await profile.create(on: db)
        return profile
    }

    static func preferences(of userId: UUID, on db: any Database) async throws -> UserPreferences {
        if let existing = try await UserPreferences.query(on: db).filter(\.$user.$id == userId).first() {
            return existing
        }
        let preferences = UserPreferences(userId: userId)
        try await preferences.create(on: db)
        return preferences
    }

    static func statistics(of userId: UUID, on db: any Database) async throws -> UserStatistics {
        if let existing = try await UserStatistics.query(on: db).filter(\.$user.$id == userId).first() {
            return existing
        }
        let statistics = UserStatistics(userId: userId)
        try await statistics.create(on: db)
        return statistics
    }
}
