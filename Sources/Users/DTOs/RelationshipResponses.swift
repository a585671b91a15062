import Auth
import Foundation
import Platform
import Vapor

/// A short public view of another user in lists (blocked users, favorites).
public struct UserSummary: Content, Sendable {
    public var id: UUID
    public var firstName: String
    public var lastInitial: String
    public var userType: UserType
    public var verificationLevel: VerificationLevel

    init(_ user: User) throws {
        id = try user.requireID()
        firstName = user.firstName
        lastInitial = user.lastName.first.map { "\($0.uppercased())." } ?? ""
        userType = user.userType
        verificationLevel = user.verificationLevel
    }
}

/// A user the caller blocked.
public struct BlockResponse: Content, Sendable {
    public var id: UUID
    public var blockedUserId: UUID
    public var user: UserSummary?
    public var reason: String
    public var comment: String?
    public var blockedAt: Date

    init(_ block: UserBlock, user: User?) throws {
        id = try block.requireID()
        blockedUserId = block.$blocked.id
        self.user = try user.map(UserSummary.init)
        reason = block.reason.rawValue
        comment = block.comment
        blockedAt = block.createdAt
    }
}

/// A traveler in the caller's favorites.
public struct FavoriteResponse: Content, Sendable {
    public var id: UUID
    public var travelerId: UUID
    public var traveler: UserSummary?
    public var averageRating: Double?
    public var totalDeliveries: Int?
    public var addedAt: Date

    init(_ favorite: UserFavorite, traveler: User?, statistics: UserStatistics?) throws {
        id = try favorite.requireID()
        travelerId = favorite.$traveler.id
        self.traveler = try traveler.map(UserSummary.init)
        averageRating = statistics?.averageRating
        totalDeliveries = statistics?.totalDeliveries
        addedAt = favorite.addedAt
    }
}

/// A report as its author (and admins) see it.
public struct ReportResponse: Content, Sendable {
    public var id: UUID
    public var reporterId: UUID
    public var reportedUserId: UUID
    public var category: String
    public var description: String
    public var status: String
    public var reviewedBy: UUID?
    public var reviewedAt: Date?
    public var resolution: String?
    public var createdAt: Date

    init(_ report: UserReport) throws {
        id = try report.requireID()
        reporterId = report.$reporter.id
        reportedUserId = report.$reported.id
        category = report.category.rawValue
        description = report.description
        status = report.status.rawValue
        reviewedBy = report.reviewedBy
        reviewedAt = report.reviewedAt
        resolution = report.resolution
        createdAt = report.createdAt
    }
}
