import Fluent
import Platform

/// `disputes`, `dispute_evidence`, `dispute_messages` with the seed's columns, plus what the money needs:
/// the outcome's amounts and what the dispute held (`held`: escrow, the pending share, or nothing).
struct CreateDisputes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("disputes")
            .id()
            .field("delivery_id", .uuid, .required, .references("deliveries", "id"))
            .field("payment_intent_id", .uuid)
            .field("case_number", .string, .required)
            .field("category", .string, .required)
            .field("priority", .string, .required)
            .field("status", .string, .required)
            .field("complainant_id", .uuid, .required)
            .field("respondent_id", .uuid, .required)
            .field("amount", .int64, .required)
            .field("currency", .string, .required)
            .field("description", .string, .required)
            .field("requested_resolution", .string, .required)
            .field("held", .string, .required)
            .field("source", .string, .required)
            .field("assignee_id", .uuid)
            .field("assigned_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("due_date", .datetime, .required)
            .field("resolved_at", .datetime)
            .field("resolution", .string)
            .field("customer_amount", .int64)
            .field("traveler_amount", .int64)
            .field("platform_amount", .int64)
            .field("resolution_notes", .string)
            .unique(on: "case_number")
            .create()
        try await database.index(on: "disputes", name: "disputes_delivery_idx", columns: ["delivery_id", "status"])
        try await database.index(on: "disputes", name: "disputes_status_idx", columns: ["status", "created_at"])
        try await database.schema("dispute_evidence")
            .id()
            .field("dispute_id", .uuid, .required, .references("disputes", "id"))
            .field("submitted_by", .uuid, .required)
            .field("evidence_type", .string, .required)
            .field("file_url", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("description", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("dispute_messages")
            .id()
            .field("dispute_id", .uuid, .required, .references("disputes", "id"))
            .field("sender_id", .uuid, .required)
            .field("message", .string, .required)
            .field("is_internal", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(
            on: "dispute_messages", name: "dispute_messages_dispute_idx", columns: ["dispute_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("dispute_messages").delete()
        try await database.schema("dispute_evidence").delete()
        try await database.schema("disputes").delete()
    }
}
