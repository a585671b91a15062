import Auth
import Fluent
import Platform

/// `user_verification_documents`, indexed for the review queue (status, oldest first).
struct CreateUserVerificationDocuments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_verification_documents")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("document_type", .string, .required)
            .field("front_image_url", .string, .required)
            .field("back_image_url", .string)
            .field("selfie_image_url", .string)
            .field("status", .string, .required)
            .field("verified_by", .uuid, .references("users", "id", onDelete: .setNull))
            .field("verified_at", .datetime)
            .field("rejection_reason", .string)
            .field("metadata", .json, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime)
            .create()
        try await database.index(
            on: "user_verification_documents", name: "user_verification_documents_user_idx", columns: ["user_id"])
        try await database.index(
            on: "user_verification_documents", name: "user_verification_documents_queue_idx",
            columns: ["status", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_verification_documents").delete()
    }
}
