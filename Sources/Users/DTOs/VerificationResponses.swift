import Auth
import Foundation
import Platform
import Vapor

/// An identity document as its owner sees it: status and facts, never storage keys.
public struct IdentityDocumentResponse: Content, Sendable {
    public var id: UUID
    public var documentType: String
    public var status: String
    public var hasBackImage: Bool
    public var hasSelfie: Bool
    public var submittedAt: Date
    public var reviewedAt: Date?
    public var rejectionReason: String?

    init(_ document: UserVerificationDocument) throws {
        id = try document.requireID()
        documentType = document.documentType.rawValue
        status = document.status.rawValue
        hasBackImage = document.backImageKey != nil
        hasSelfie = document.selfieImageKey != nil
        submittedAt = document.createdAt
        reviewedAt = document.verifiedAt
        rejectionReason = document.rejectionReason
    }
}

/// Where the signed-in user stands: the level, its facts, the latest identity submission and what to do next.
public struct VerificationStatusResponse: Content, Sendable {
    public var verificationLevel: VerificationLevel
    public var emailVerified: Bool
    public var phoneVerified: Bool
    public var phoneNumber: String?
    public var identityVerified: Bool
    public var identityDocument: IdentityDocumentResponse?
    /// `verify_email`, `verify_phone`, `submit_identity`, `await_review`, `resubmit_identity` or `none`.
    public var nextStep: String
}

/// A document in the admin review queue, with its owner and links to the images (admin-only routes).
public struct VerificationReviewItem: Content, Sendable {
    public var id: UUID
    public var userId: UUID
    public var userName: String
    public var userEmail: String
    public var documentType: String
    public var status: String
    public var submittedAt: Date
    public var reviewedAt: Date?
    public var reviewedBy: UUID?
    public var rejectionReason: String?
    public var images: [String: String]
    public var metadata: [String: String]

    init(_ document: UserVerificationDocument, owner: User) throws {
        let id = try document.requireID()
        self.id = id
        userId = try owner.requireID()
        userName = owner.fullName
        userEmail = owner.email
        documentType = document.documentType.rawValue
        status = document.status.rawValue
        submittedAt = document.createdAt
        reviewedAt = document.verifiedAt
        reviewedBy = document.verifiedBy
        rejectionReason = document.rejectionReason
        var images: [String: String] = [:]
        let base = "/api/v1/users/verification/\(id.uuidString)/images/"
        images["front"] = base + "front"
        if document.backImageKey != nil { images["back"] = base + "back" }
        if document.selfieImageKey != nil { images["selfie"] = base + "selfie" }
        self.images = images
        metadata = document.metadata
    }
}

/// Figures of the review queue for admins.
public struct VerificationStatisticsResponse: Content, Sendable {
    public var pending: Int
    public var approved: Int
    public var rejected: Int
    public var total: Int
    public var byDocumentType: [String: Int]
    public var usersByVerificationLevel: [String: Int]
    /// Mean hours from submission to decision over the latest 500 decisions, two decimals.
    public var averageReviewHours: Double?
    /// Submission time of the oldest pending document.
    public var oldestPendingSubmittedAt: Date?
    /// Approved ÷ (approved + rejected), 0…1.
    public var approvalRate: Double?
}

/// The phone verification that was started.
public struct PhoneVerificationStarted: Content, Sendable {
    public var phoneNumber: String
    public var expiresAt: Date
    public var expiresIn: Int
}
