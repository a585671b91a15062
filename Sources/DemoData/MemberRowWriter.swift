import Auth
import Fluent
import Foundation
import Platform

/// Writes `DemoPerson`s as active accounts with verified e-mail addresses, in multi-row statements, and the
/// `user_statistics` of those with a rating (the matching index reads ratings from there).
public enum MemberRowWriter {
    static let userColumns = [
        "id", "email", "password_hash", "first_name", "last_name", "phone_number", "user_type", "status",
        "verification_level", "preferred_language", "timezone", "preferred_currency", "referral_code",
        "terms_accepted_at", "privacy_accepted_at", "email_verified_at", "login_alerts_enabled", "created_at",
        "updated_at",
    ]
    static let statisticsColumns = [
        "id", "user_id", "total_trips", "total_deliveries", "successful_deliveries", "cancelled_deliveries",
        "total_earnings", "total_spent", "average_rating", "total_ratings", "completion_rate", "created_at",
        "updated_at",
    ]

    /// Inserts the accounts, all with the same bcrypt `passwordHash` (one demo password, hashed once).
    /// With `statistics`, also writes each rated person's statistics row; leave it off when the caller creates
    /// profile rows itself (the registration event does).
    public static func insert(
        _ people: [DemoPerson], passwordHash: String, statistics: Bool, at now: Date, on db: any Database
    ) async throws {
        let users: [[any Encodable & Sendable]] = people.map { person in
            [
                person.id, person.email, passwordHash, person.firstName, person.lastName, person.phoneNumber,
                person.userType.rawValue, User.Status.active.rawValue, VerificationLevel.emailVerified.rawValue,
                "en", "UTC", person.preferredCurrency, person.referralCode, now, now, now, true, now, now,
            ]
        }
        try await BulkInsert.run(into: User.schema, columns: userColumns, rows: users, on: db)
        guard statistics else { return }
        let rated: [[any Encodable & Sendable]] = people.compactMap { person in
            guard let rating = person.rating else { return nil }
            return [
                statisticsId(of: person.id), person.id, rating.count, rating.count, rating.count, 0, Int64(0), Int64(0),
                rating.average, rating.count, 1.0, now, now,
            ]
        }
        try await BulkInsert.run(into: "user_statistics", columns: statisticsColumns, rows: rated, on: db)
    }

    /// The statistics row's id, derived from the person's: unique and the same for the same seed.
    private static func statisticsId(of userId: UUID) -> UUID {
        var bytes = userId.uuid
        bytes.0 ^= 0x5A
        bytes.15 ^= 0xA5
        return UUID(uuid: bytes)
    }
}
