import Fluent
import Platform
import Vapor

/// What the Users module holds about a user, for export and erasure (section `profile`).
///
/// Erasure deletes every row that describes the user (profile, preferences, statistics and money totals, addresses, identity
/// documents, phone codes, favorites and blocks in both directions) and queues their stored files for
/// deletion after commit. Reports the user filed are kept, with the description replaced: the report is
/// evidence in another person's moderation history (category, status, resolution) and must survive, but
/// its free text was written by the erased user and may describe them.
enum UsersPersonalData {
    static let erasedDescription = "[erased with the reporter's account]"

    static var section: PersonalDataRegistry.Section {
        PersonalDataRegistry.Section(name: "profile", export: export, erase: erase)
    }

    @Sendable static func export(userId: UUID, db: any Database) async throws -> JSONValue {
        let profile = try await UserProfile.query(on: db).filter(\.$user.$id == userId).first()
        let preferences = try await UserPreferences.query(on: db).filter(\.$user.$id == userId).first()
        let statistics = try await UserStatistics.query(on: db).filter(\.$user.$id == userId).first()
        let totals = try await MoneyStatistics.totals(of: userId, on: db)
        let addresses = try await UserAddress.query(on: db).filter(\.$user.$id == userId).sort(\.$createdAt).all()
        let documents = try await UserVerificationDocument.query(on: db).filter(\.$user.$id == userId)
            .sort(\.$createdAt).all()
        let phones = try await PhoneVerification.query(on: db).filter(\.$user.$id == userId).sort(\.$createdAt).all()
        let blocks = try await UserBlock.query(on: db).filter(\.$blocker.$id == userId).sort(\.$createdAt).all()
        let favorites = try await UserFavorite.query(on: db).filter(\.$customer.$id == userId).sort(\.$addedAt).all()
        let reports = try await UserReport.query(on: db).filter(\.$reporter.$id == userId).sort(\.$createdAt).all()
        var preferenceValues: [String: JSONValue] = [:]
        if let preferences {
            for category in PreferenceCategory.allCases {
                preferenceValues[category.rawValue] = .object(preferences[category])
            }
        }
        return .object([
            "bio": profile?.bio.map(JSONValue.string) ?? .null,
            "languages": .array((profile?.languages ?? []).map(JSONValue.string)),
            "hasProfilePicture": .bool(profile?.profilePictureKey != nil),
            "preferences": .object(preferenceValues),
            "statistics": try statistics.map {
                try JSONValue.from(
                    StatisticsResponse($0, memberSince: nil, privateCurrency: "minor-units", totals: totals))
            } ?? .null,
            "addresses": try JSONValue.from(addresses.map(AddressResponse.init)),
            "identityDocuments": try JSONValue.from(documents.map(IdentityDocumentResponse.init)),
            "phoneVerifications": .array(
                phones.map { phone in
                    .object([
                        "phoneNumber": .string(phone.phoneNumber),
                        "requestedAt": .string(phone.createdAt.ISO8601Format()),
                        "verifiedAt": phone.verifiedAt.map { .string($0.ISO8601Format()) } ?? .null,
                    ])
                }),
            "blockedUsers": try JSONValue.from(blocks.map { try BlockResponse($0, user: nil) }),
            "favorites": try JSONValue.from(favorites.map { try FavoriteResponse($0, traveler: nil, statistics: nil) }),
            "reportsFiled": try JSONValue.from(reports.map(ReportResponse.init)),
            "reviewsWritten": try JSONValue.from(
                try await Review.query(on: db).filter(\.$reviewer.$id == userId).sort(\.$createdAt).all().map {
                    try ReviewResponse($0, reviewer: nil, showAuthor: false)
                }),
        ])
    }

    @Sendable static func erase(userId: UUID, context: CallContext) async throws {
        let db = context.db
        var keys: [String] = []
        let profile = try await UserProfile.query(on: db).filter(\.$user.$id == userId).first()
        if let key = profile?.profilePictureKey { keys.append(key) }
        let documents = try await UserVerificationDocument.query(on: db).filter(\.$user.$id == userId).all()
        keys += documents.flatMap(\.storedKeys)
        try await StoredFileCleanup.enqueue(keys, context: context)

        try await UserProfile.query(on: db).filter(\.$user.$id == userId).delete()
        try await UserPreferences.query(on: db).filter(\.$user.$id == userId).delete()
        try await UserStatistics.query(on: db).filter(\.$user.$id == userId).delete()
        try await UserMoneyTotal.query(on: db).filter(\.$userId == userId).delete()
        try await UserAddress.query(on: db).filter(\.$user.$id == userId).delete()
        try await UserVerificationDocument.query(on: db).filter(\.$user.$id == userId).delete()
        try await PhoneVerification.query(on: db).filter(\.$user.$id == userId).delete()
        try await UserFavorite.query(on: db)
            .group(.or) { $0.filter(\.$customer.$id == userId).filter(\.$traveler.$id == userId) }.delete()
        try await UserBlock.query(on: db)
            .group(.or) { $0.filter(\.$blocker.$id == userId).filter(\.$blocked.$id == userId) }.delete()
        try await UserReport.query(on: db).filter(\.$reporter.$id == userId)
            .set(\.$description, to: erasedDescription).update()
        // Ratings the user gave stay (they are the other member's reputation); the words and the name go.
        try await Review.query(on: db).filter(\.$reviewer.$id == userId)
            .set(\.$comment, to: nil).set(\.$isAnonymous, to: true).update()
    }
}
