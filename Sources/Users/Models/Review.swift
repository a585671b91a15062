import Auth
import Fluent
import Foundation

/// One party's review of the other after a completed delivery (`reviews`).
final class Review: Model, @unchecked Sendable {
    static let schema = "reviews"

    /// Whether the review is shown (`review_status_enum`).
    enum Status: String, Codable, Sendable {
        case published
        /// Waiting for a moderator: not shown, not counted.
        case pending
        case hidden
    }

    /// Where moderation stands (`moderation_status_enum`).
    enum Moderation: String, Codable, Sendable {
        case approved, pending, flagged, rejected
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "delivery_id") var deliveryId: UUID
    @Parent(key: "reviewer_id") var reviewer: User
    @Parent(key: "reviewee_id") var reviewee: User
    /// `customer` or `traveler`: the reviewer's side of the delivery; not in the seed schema.
    @Field(key: "reviewer_role") var reviewerRole: String
    @Field(key: "overall_rating") var overallRating: Int
    @OptionalField(key: "comment") var comment: String?
    @OptionalField(key: "communication_rating") var communicationRating: Int?
    @OptionalField(key: "punctuality_rating") var punctualityRating: Int?
    @OptionalField(key: "carefulness_rating") var carefulnessRating: Int?
    @OptionalField(key: "friendliness_rating") var friendlinessRating: Int?
    @Field(key: "is_anonymous") var isAnonymous: Bool
    @Enum(key: "status") var status: Status
    @Enum(key: "moderation_status") var moderationStatus: Moderation
    @OptionalField(key: "moderated_by") var moderatedBy: UUID?
    @OptionalField(key: "moderated_at") var moderatedAt: Date?
    @OptionalField(key: "moderation_notes") var moderationNotes: String?
    /// The reviewee's public answer; not in the seed schema.
    @OptionalField(key: "response") var response: String?
    @OptionalField(key: "responded_at") var respondedAt: Date?
    /// Helpfulness tallies kept beside the votes for cheap listing; not in the seed schema.
    @Field(key: "helpful_count") var helpfulCount: Int
    @Field(key: "unhelpful_count") var unhelpfulCount: Int

    init() {}
}

/// A member flagging a review (`review_reports`).
final class ReviewReport: Model, @unchecked Sendable {
    static let schema = "review_reports"

    /// `report_reason_enum`.
    enum Reason: String, Codable, Sendable, CaseIterable {
        case inappropriate, offensive, spam, fake
        case personalInformation = "personal_information"
        case other
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "review_id") var review: Review
    @Parent(key: "reporter_id") var reporter: User
    @Enum(key: "reason") var reason: Reason
    @OptionalField(key: "description") var description: String?
    /// `pending`, then `resolved` or `dismissed` by a moderator.
    @Field(key: "status") var status: String
    @OptionalField(key: "reviewed_by") var reviewedBy: UUID?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @OptionalField(key: "resolution") var resolution: String?
    @OptionalField(key: "moderation_action") var moderationAction: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One member's helpfulness vote on a review (`review_votes`, not in the seed schema).
final class ReviewVote: Model, @unchecked Sendable {
    static let schema = "review_votes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "review_id") var review: Review
    @Parent(key: "voter_id") var voter: User
    @Field(key: "helpful") var helpful: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
