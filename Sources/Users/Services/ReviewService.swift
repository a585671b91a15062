import Auth
import Fluent
import Platform
import Vapor

/// Reviews after completed deliveries: submit, respond, report, vote.
struct ReviewService {
    /// Open reports that hide a review until a moderator looks at it.
    static let reportsToHide = 3

    struct Submission {
        var deliveryId: UUID
        var overallRating: Int
        var comment: String?
        var communication: Int?
        var punctuality: Int?
        var carefulness: Int?
        var friendliness: Int?
        var isAnonymous: Bool
    }

    let context: CallContext

    func submit(_ submission: Submission, by reviewerId: UUID) async throws -> Review {
        guard let delivery = try await context.reviewableDeliveries.delivery(submission.deliveryId, on: context.db)
        else { throw ReviewsError.deliveryNotFound }
        let role: String
        let revieweeId: UUID
        switch reviewerId {
        case delivery.customerId: (role, revieweeId) = ("customer", delivery.travelerId)
        case delivery.travelerId: (role, revieweeId) = ("traveler", delivery.customerId)
        default: throw ReviewsError.deliveryNotFound
        }
        guard delivery.isFinished else { throw ReviewsError.deliveryNotCompleted }
        let existing = try await Review.query(on: context.db).filter(\.$deliveryId == submission.deliveryId)
            .filter(\.$reviewer.$id == reviewerId).count()
        guard existing == 0 else { throw ReviewsError.alreadyReviewed }
        let review = Review()
        review.deliveryId = submission.deliveryId
        review.$reviewer.id = reviewerId
        review.$reviewee.id = revieweeId
        review.reviewerRole = role
        review.overallRating = submission.overallRating
        review.comment = submission.comment
        review.communicationRating = submission.communication
        review.punctualityRating = submission.punctuality
        review.carefulnessRating = submission.carefulness
        review.friendlinessRating = submission.friendliness
        review.isAnonymous = submission.isAnonymous
        let (status, moderation, note) = ReviewModeration.assess(submission.comment)
        review.status = status
        review.moderationStatus = moderation
        review.moderationNotes = note
        review.helpfulCount = 0
        review.unhelpfulCount = 0
        return try await context.db.transaction { db in
            try await review.create(on: db)
            try await RatingAggregates.recompute(for: revieweeId, on: db)
            try await context.publish(
                ReviewSubmitted(
                    reviewId: try review.requireID(), deliveryId: submission.deliveryId, reviewerId: reviewerId,
                    revieweeId: revieweeId, overallRating: submission.overallRating),
                on: db)
            return review
        }
    }

    func respond(to review: ReviewID, text: String, by user: UserID) async throws -> Review {
        let (reviewId, userId) = (review.uuid, user.uuid)
        let review = try await visibleReview(reviewId, to: userId)
        guard review.$reviewee.id == userId else { throw ReviewsError.notTheReviewee }
        guard review.response == nil else { throw ReviewsError.alreadyResponded }
        review.response = text
        review.respondedAt = context.now
        try await review.save(on: context.db)
        return review
    }

    /// Files a report; enough open reports hide the review from its aggregate until a moderator decides.
    func report(
        _ review: ReviewID, reason: ReviewReport.Reason, description: String?, by user: UserID
    ) async throws {
        let (reviewId, userId) = (review.uuid, user.uuid)
        let review = try await visibleReview(reviewId, to: userId)
        guard review.$reviewer.id != userId else { throw ReviewsError.ownReview(action: "report") }
        let existing = try await ReviewReport.query(on: context.db).filter(\.$review.$id == reviewId)
            .filter(\.$reporter.$id == userId).count()
        guard existing == 0 else { throw ReviewsError.alreadyReported }
        try await context.db.transaction { db in
            let report = ReviewReport()
            report.$review.id = reviewId
            report.$reporter.id = userId
            report.reason = reason
            report.description = description
            report.status = "pending"
            report.createdAt = context.now
            try await report.create(on: db)
            let open = try await ReviewReport.query(on: db).filter(\.$review.$id == reviewId)
                .filter(\.$status == "pending").count()
            if open >= Self.reportsToHide, review.status == .published {
                review.status = .hidden
                review.moderationStatus = .flagged
                try await review.save(on: db)
                try await RatingAggregates.recompute(for: review.$reviewee.id, on: db)
            }
        }
    }

    /// Records or changes the member's helpfulness vote.
    func vote(_ reviewID: ReviewID, helpful: Bool, by user: UserID) async throws -> Review {
        let (reviewId, userId) = (reviewID.uuid, user.uuid)
        let review = try await visibleReview(reviewId, to: userId)
        guard review.$reviewer.id != userId else { throw ReviewsError.ownReview(action: "vote on") }
        // The reviewed member would only ever vote their praise up and their criticism down.
        guard review.$reviewee.id != userId else { throw ReviewsError.reviewAboutYou(action: "vote on") }
        return try await context.db.transaction { db in
            if let vote = try await ReviewVote.query(on: db).filter(\.$review.$id == reviewId)
                .filter(\.$voter.$id == userId).first()
            {
                guard vote.helpful != helpful else { return review }
                vote.helpful = helpful
                try await vote.save(on: db)
            } else {
                let vote = ReviewVote()
                vote.$review.id = reviewId
                vote.$voter.id = userId
                vote.helpful = helpful
                vote.createdAt = context.now
                try await vote.create(on: db)
            }
            let votes = try await ReviewVote.query(on: db).filter(\.$review.$id == reviewId).all(\.$helpful)
            review.helpfulCount = votes.filter { $0 }.count
            review.unhelpfulCount = votes.count - review.helpfulCount
            try await review.save(on: db)
            return review
        }
    }

    /// Published reviews `userId` received, newest first.
    func received(by userId: UUID, page: PageQuery) async throws -> ListPage<Review> {
        try await Review.query(on: context.db).filter(\.$reviewee.$id == userId).filter(\.$status == .published)
            .sort(\.$createdAt, .descending).page(page)
    }

    /// Published reviews are visible to every member; others only to their two parties.
    private func visibleReview(_ id: UUID, to userId: UUID) async throws -> Review {
        guard let review = try await Review.find(id, on: context.db),
            review.status == .published || review.$reviewer.id == userId || review.$reviewee.id == userId
        else { throw ReviewsError.reviewNotFound }
        return review
    }
}
