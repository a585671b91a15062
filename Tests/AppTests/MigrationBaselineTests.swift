import App
import Fluent
import Foundation
import TestSupport
import Testing

/// Migrations are append-only: the baseline below is what a database already migrated has run, in order.
/// A new migration goes after it; renaming, removing or reordering one fails here.
@Suite("Migrations")
struct MigrationBaselineTests {
    static let baseline = [
        "Platform.CreateDomainEvents", "Platform.CreateBackgroundJobs", "Platform.CreateScheduledTasks",
        "Platform.CreateIdempotencyKeys", "Platform.CreateAuditLogs", "Platform.CreateRateLimitCounters",
        "Auth.CreateUsers", "Auth.CreateUserSessions", "Auth.CreateRotatedRefreshTokens",
        "Auth.CreateUserTwoFactorAuth", "Auth.CreateEmailVerificationTokens", "Auth.CreatePasswordResetTokens",
        "Auth.CreateUserSocialAccounts",
        "Users.CreateUserProfiles", "Users.CreateUserAddresses", "Users.CreateUserPreferences",
        "Users.CreateUserStatistics", "Users.CreateUserVerificationDocuments", "Users.CreateUserBlocks",
        "Users.CreateUserFavorites", "Users.CreateUserReports", "Users.CreatePhoneVerifications",
        "Users.CreateReviews", "Users.CreateReviewReports", "Users.CreateReviewVotes",
        "Trips.CreateTrips", "Trips.CreateTripCapacityReservations", "Trips.CreateTripTemplates",
        "Trips.CreateTripWeather",
        "Deliveries.CreateDeliveryRequests", "Deliveries.CreateDeliveryOffers", "Deliveries.CreateDeliveries",
        "Deliveries.CreateDeliveryEvents", "Deliveries.CreateDeliveryRequestReports",
    ]

    @Test("the registered migrations start with the baseline, unchanged and in order")
    func appendOnly() {
        let names = Modules.migrations.map(\.name)
        #expect(Array(names.prefix(Self.baseline.count)) == Self.baseline)
    }

    @Test("a test's database, copied from the run's migrated template, has every migration applied")
    func testsStartMigrated() async throws {
        try await withTestApp { t in
            let pending = try await t.app.migrator.previewPrepareBatch().get()
            #expect(pending.map(\.0.name) == [])
        }
    }

    @Test("every migration reverts: all of them down and up again leaves a working database")
    func revertsAll() async throws {
        try await withTestApp { t in
            try await t.app.autoRevert()
            try await t.app.autoMigrate()
            let account = try await t.signUp()
            #expect(account.accessToken.isEmpty == false)
        }
    }
}
