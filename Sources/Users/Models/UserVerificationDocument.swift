import Auth
import Fluent
import Foundation

/// An identity document submitted for review (`user_verification_documents`).
///
/// The `*_image_url` columns hold `FileStore` keys, not public URLs: the files are served only to admins,
/// through an authorised route.
final class UserVerificationDocument: Model, @unchecked Sendable {
    static let schema = "user_verification_documents"

    /// `user_verification_documents.document_type`.
    enum DocumentType: String, Codable, Sendable, CaseIterable {
        case passport
        case nationalId = "national_id"
        case driversLicense = "drivers_license"
        case residencePermit = "residence_permit"

        /// Cards have a back side worth checking; a passport's data page is all there is.
        var needsBackImage: Bool { self != .passport }
    }

    /// `user_verification_documents.status`.
    enum Status: String, Codable, Sendable, CaseIterable {
        case pending, approved, rejected
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    /// Set from the application clock: the review queue and review times are computed from it.
    @Field(key: "created_at") var createdAt: Date
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Parent(key: "user_id") var user: User
    @Enum(key: "document_type") var documentType: DocumentType
    @Field(key: "front_image_url") var frontImageKey: String
    @OptionalField(key: "back_image_url") var backImageKey: String?
    @OptionalField(key: "selfie_image_url") var selfieImageKey: String?
    @Enum(key: "status") var status: Status
    @OptionalField(key: "verified_by") var verifiedBy: UUID?
    @OptionalField(key: "verified_at") var verifiedAt: Date?
    @OptionalField(key: "rejection_reason") var rejectionReason: String?
    /// Facts about the stored files (content types, sizes) and the resubmission chain.
    @Field(key: "metadata") var metadata: [String: String]

    init() {}

    init(userId: UUID, documentType: DocumentType, submittedAt: Date) {
        self.$user.id = userId
        self.documentType = documentType
        self.status = .pending
        self.createdAt = submittedAt
        self.metadata = [:]
    }

    /// Every stored file of the document.
    var storedKeys: [String] {
        [frontImageKey, backImageKey, selfieImageKey].compactMap { $0 }
    }
}
