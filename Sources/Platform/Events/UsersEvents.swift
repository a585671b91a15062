import Foundation

/// Events published by the `Users` module.

/// A user's verification level changed because one of its facts (e-mail, phone, identity) changed.
public struct UserVerificationLevelChanged: DomainEvent {
    public static let eventType = "users.verification_level_changed"
    public var userId: UUID
    public var from: VerificationLevel
    public var to: VerificationLevel
    public var aggregateId: UUID { userId }

    public init(userId: UUID, from: VerificationLevel, to: VerificationLevel) {
        self.userId = userId
        self.from = from
        self.to = to
    }
}

/// An admin approved or rejected an identity document.
public struct IdentityDocumentReviewed: DomainEvent {
    public static let eventType = "users.identity_document_reviewed"
    public var documentId: UUID
    public var userId: UUID
    public var approved: Bool
    public var reviewerId: UUID
    public var aggregateId: UUID { userId }

    public init(documentId: UUID, userId: UUID, approved: Bool, reviewerId: UUID) {
        self.documentId = documentId
        self.userId = userId
        self.approved = approved
        self.reviewerId = reviewerId
    }
}

/// One user blocked another: matching and messaging must keep them apart from now on.
public struct UserBlocked: DomainEvent {
    public static let eventType = "users.user_blocked"
    public var blockerId: UUID
    public var blockedId: UUID
    public var aggregateId: UUID { blockerId }

    public init(blockerId: UUID, blockedId: UUID) {
        self.blockerId = blockerId
        self.blockedId = blockedId
    }
}

/// A block was lifted.
public struct UserUnblocked: DomainEvent {
    public static let eventType = "users.user_unblocked"
    public var blockerId: UUID
    public var blockedId: UUID
    public var aggregateId: UUID { blockerId }

    public init(blockerId: UUID, blockedId: UUID) {
        self.blockerId = blockerId
        self.blockedId = blockedId
    }
}

/// A user reported another user's behaviour; moderation picks it up.
public struct UserReported: DomainEvent {
    public static let eventType = "users.user_reported"
    public var reportId: UUID
    public var reporterId: UUID
    public var reportedId: UUID
    public var category: String
    public var aggregateId: UUID { reportedId }

    public init(reportId: UUID, reporterId: UUID, reportedId: UUID, category: String) {
        self.reportId = reportId
        self.reporterId = reporterId
        self.reportedId = reportedId
        self.category = category
    }
}

/// A party reviewed the other after a delivery; the delivery moves to `rated`.
public struct ReviewSubmitted: DomainEvent {
    public static let eventType = "users.review_submitted"
    public var reviewId: UUID
    public var deliveryId: UUID
    public var reviewerId: UUID
    public var revieweeId: UUID
    public var overallRating: Int
    public var aggregateId: UUID { reviewId }

    public init(reviewId: UUID, deliveryId: UUID, reviewerId: UUID, revieweeId: UUID, overallRating: Int) {
        self.reviewId = reviewId
        self.deliveryId = deliveryId
        self.reviewerId = reviewerId
        self.revieweeId = revieweeId
        self.overallRating = overallRating
    }
}
