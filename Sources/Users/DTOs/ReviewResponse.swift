import Foundation
import Platform
import Vapor

/// A review as members see it; an anonymous review hides its author from everyone but admins.
struct ReviewResponse: Content, Sendable {
    struct Author: Content, Sendable {
        var id: UUID
        var displayName: String
    }

    struct SubRatings: Content, Sendable {
        var communication: Int?
        var punctuality: Int?
        var carefulness: Int?
        var friendliness: Int?
    }

    var id: UUID
    var deliveryId: UUID
    var reviewer: Author?
    var revieweeId: UUID
    /// The reviewer's side of the delivery: `customer` or `traveler`.
    var reviewerRole: String
    var overallRating: Int
    var ratings: SubRatings
    var comment: String?
    var isAnonymous: Bool
    var status: String
    var moderationStatus: String
    var response: String?
    var respondedAt: Date?
    var helpfulCount: Int
    var unhelpfulCount: Int
    var createdAt: Date?

    init(_ review: Review, reviewer: MemberDirectory.Summary?, showAuthor: Bool) throws {
        id = try review.requireID()
        deliveryId = review.deliveryId
        if showAuthor || !review.isAnonymous, let reviewer {
            self.reviewer = Author(id: reviewer.id, displayName: reviewer.displayName)
        }
        revieweeId = review.$reviewee.id
        reviewerRole = review.reviewerRole
        overallRating = review.overallRating
        ratings = SubRatings(
            communication: review.communicationRating, punctuality: review.punctualityRating,
            carefulness: review.carefulnessRating, friendliness: review.friendlinessRating)
        comment = review.comment
        isAnonymous = review.isAnonymous
        status = review.status.rawValue
        moderationStatus = review.moderationStatus.rawValue
        response = review.response
        respondedAt = review.respondedAt
        helpfulCount = review.helpfulCount
        unhelpfulCount = review.unhelpfulCount
        createdAt = review.createdAt
    }
}
