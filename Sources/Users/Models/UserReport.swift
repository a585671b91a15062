import Auth
import Fluent
import Foundation

/// A report about another user's behaviour (`user_reports`), for moderation.
final class UserReport: Model, @unchecked Sendable {
    static let schema = "user_reports"

    /// `user_reports.category`.
    enum Category: String, Codable, Sendable, CaseIterable {
        case spam, fraud, harassment
        case inappropriateContent = "inappropriate_content"
        case safetyConcern = "safety_concern"
        case fakeProfile = "fake_profile"
        case noShow = "no_show"
        case other
    }

    /// `user_reports.status`.
    enum Status: String, Codable, Sendable, CaseIterable {
        case pending
        case underReview = "under_review"
        case resolved, dismissed

        /// Whether moderation is still working on it.
        var isOpen: Bool { self == .pending || self == .underReview }
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data fields
    @Parent(key: "reporter_id") var reporter: User
    @Parent(key: "reported_id") var reported: User
    @Enum(key: "category") var category: Category
    @Field(key: "description") var description: String
    @Enum(key: "status") var status: Status
    @OptionalField(key: "reviewed_by") var reviewedBy: UUID?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @OptionalField(key: "resolution") var resolution: String?

    init() {}

    init(reporterId: UUID, reportedId: UUID, category: Category, description: String, createdAt: Date) {
        self.$reporter.id = reporterId
        self.$reported.id = reportedId
        self.category = category
        self.description = description
        self.status = .pending
        self.createdAt = createdAt
    }
}
