import Fluent
import Platform
import Vapor

/// User management (original service 3002): profiles, addresses, preferences, verification, relationships.
public struct UsersModule: PlatformModule {
    public init() {}

    public var name: String { "users" }

    public var migrations: [any Migration] {
        [
            CreateUserProfiles(),  // bio, languages, picture: not in the seed schema
            CreateUserAddresses(),
            CreateUserPreferences(),
            CreateUserStatistics(),
            CreateUserVerificationDocuments(),
            CreateUserBlocks(),
            CreateUserFavorites(),
            CreateUserReports(),
            CreatePhoneVerifications(),  // SMS codes: not in the seed schema
            CreateReviews(),
            CreateReviewReports(),
            CreateReviewVotes(),  // not in the seed schema
        ]
    }

    /// `user_money_totals` and `user_statistics.currency` (not in the seed schema): added after the module had
    /// shipped, so the app runs it after every module's own migrations (`Modules.additions`).
    public static var moneyTotalsMigration: any Migration { AddUserMoneyTotals() }

    public func boot(_ app: Application) async throws {
        // In the registration transaction: an account never exists without its profile rows.
        app.events.subscribe(UserRegistered.self, name: "users.create-profile") { event, context in
            try await UserRows.createMissing(for: event.userId, on: context.db)
        }
        StoredFileCleanup.registerJob(on: app)
        MarketplaceStatistics.install(on: app)
        MoneyStatistics.install(on: app)
        app.personalData.register(UsersPersonalData.section)
    }

    public func routes(_ root: any RoutesBuilder) throws {
        let api = root.grouped("api", "v1")
        try api.register(collection: ProfileController())
        try api.register(collection: ProfilePictureController())
        try api.register(collection: ActivityController())
        try api.register(collection: AddressController())
        try api.register(collection: GeocodingController())
        try api.register(collection: PreferencesController())
        try api.register(collection: VerificationController())
        try api.register(collection: VerificationReviewController())
        try api.register(collection: BlockController())
        try api.register(collection: FavoriteController())
        try api.register(collection: ReportController())
        try api.register(collection: UserSearchController())
        try api.register(collection: ReviewController())
    }
}
