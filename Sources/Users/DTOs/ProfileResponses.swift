import Auth
import Foundation
import Platform
import Vapor

/// The signed-in user's own profile: account fields plus bio, languages and picture. Only ever returned to
/// its owner.
public struct MyProfileResponse: Content, Sendable {
    public var id: UUID
    public var email: String
    public var firstName: String
    public var lastName: String
    public var phoneNumber: String?
    public var phoneVerified: Bool
    public var dateOfBirth: String?
    public var userType: UserType
    public var status: User.Status
    public var verificationLevel: VerificationLevel
    public var emailVerified: Bool
    public var preferredLanguage: String
    public var timezone: String
    public var preferredCurrency: String
    public var referralCode: String
    public var bio: String?
    public var languages: [String]
    public var profilePictureUrl: String?
    public var createdAt: Date?
    public var updatedAt: Date?

    init(user: User, profile: UserProfile, phoneVerified: Bool) throws {
        let account = try UserResponse(user)
        id = account.id
        email = account.email
        firstName = account.firstName
        lastName = account.lastName
        phoneNumber = account.phoneNumber
        self.phoneVerified = phoneVerified
        dateOfBirth = account.dateOfBirth
        userType = account.userType
        status = account.status
        verificationLevel = account.verificationLevel
        emailVerified = account.emailVerified
        preferredLanguage = account.preferredLanguage
        timezone = account.timezone
        preferredCurrency = account.preferredCurrency
        referralCode = account.referralCode
        bio = profile.bio
        languages = profile.languages
        profilePictureUrl = ProfilePictureURL.of(profile, userId: account.id)
        createdAt = account.createdAt
        updatedAt = max(account.updatedAt ?? .distantPast, profile.updatedAt ?? .distantPast)
    }
}

/// What any signed-in user may see about another: no e-mail, phone, birth date, addresses or full last name.
public struct PublicProfileResponse: Content, Sendable {
    public var id: UUID
    public var firstName: String
    /// The last name's first letter and a dot (`D.`).
    public var lastInitial: String
    public var displayName: String
    public var userType: UserType
    public var verificationLevel: VerificationLevel
    public var bio: String?
    public var languages: [String]?
    public var memberSince: Date?
    public var rating: RatingSummary?
    public var totalDeliveries: Int?
    public var completionRate: Double?
    public var profilePictureUrl: String?

    /// Average rating and how many ratings it is made of.
    public struct RatingSummary: Content, Sendable {
        public var average: Double
        public var count: Int
    }

    /// Builds the public view, leaving out what the user's privacy settings hide.
    init(user: User, profile: UserProfile?, statistics: UserStatistics?, privacy: [String: JSONValue]) throws {
        let shown = { (key: String) in privacy[key] != .bool(false) }
        id = try user.requireID()
        firstName = user.firstName
        let initial = user.lastName.first.map { "\($0.uppercased())." } ?? ""
        lastInitial = initial
        displayName = initial.isEmpty ? user.firstName : "\(user.firstName) \(initial)"
        userType = user.userType
        verificationLevel = user.verificationLevel
        memberSince = user.createdAt
        if shown("showBio") { bio = profile?.bio }
        if shown("showLanguages") { languages = profile?.languages ?? [] }
        if shown("showStatistics"), let statistics {
            rating = RatingSummary(average: statistics.averageRating, count: statistics.totalRatings)
            totalDeliveries = statistics.totalDeliveries
            completionRate = statistics.completionRate
        }
        if shown("showProfilePicture"), let profile { profilePictureUrl = ProfilePictureURL.of(profile, userId: id) }
    }
}

/// Where a user's picture is served from; nil when there is none.
enum ProfilePictureURL {
    static func of(_ profile: UserProfile, userId: UUID) -> String? {
        guard profile.profilePictureKey != nil else { return nil }
        return "/api/v1/users/\(userId.uuidString)/profile-picture"
    }
}
