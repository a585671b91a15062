import Platform
import Vapor

/// Failures of the review rules, each with a stable code.
public enum ReviewsError: CodedError {
    case reviewNotFound
    case deliveryNotFound
    case notAParty
    case deliveryNotCompleted
    case alreadyReviewed
    case notTheReviewee
    case alreadyResponded
    case alreadyReported
    case ownReview(action: String)
    case reviewAboutYou(action: String)

    public var status: HTTPResponseStatus {
        switch self {
        case .reviewNotFound, .deliveryNotFound: .notFound
        case .notAParty, .notTheReviewee: .forbidden
        case .deliveryNotCompleted, .alreadyReviewed, .alreadyResponded, .alreadyReported: .conflict
        case .ownReview, .reviewAboutYou: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .reviewNotFound: "REVIEW_NOT_FOUND"
        case .deliveryNotFound: "DELIVERY_NOT_FOUND"
        case .notAParty: "NOT_A_PARTY"
        case .deliveryNotCompleted: "DELIVERY_NOT_COMPLETED"
        case .alreadyReviewed: "ALREADY_REVIEWED"
        case .notTheReviewee: "NOT_THE_REVIEWEE"
        case .alreadyResponded: "ALREADY_RESPONDED"
        case .alreadyReported: "DUPLICATE_REPORT"
        case .ownReview, .reviewAboutYou: "CANNOT_TARGET_SELF"
        }
    }

    public var reason: String {
        switch self {
        case .reviewNotFound: "Review not found"
        case .deliveryNotFound: "Delivery not found"
        case .notAParty: "Only the delivery's customer and traveler can review it"
        case .deliveryNotCompleted: "A delivery can be reviewed once it is completed"
        case .alreadyReviewed: "You already reviewed this delivery"
        case .notTheReviewee: "Only the reviewed member can respond"
        case .alreadyResponded: "This review already has a response"
        case .alreadyReported: "You already reported this review"
        case .ownReview(let action): "You cannot \(action) your own review"
        case .reviewAboutYou(let action): "You cannot \(action) a review about yourself"
        }
    }
}
