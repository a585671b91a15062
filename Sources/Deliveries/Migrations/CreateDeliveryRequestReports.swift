import Auth
import Fluent
import Platform

/// `delivery_request_reports` (not in the seed schema): a member flags a request; one report per member.
struct CreateDeliveryRequestReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("delivery_request_reports")
            .id()
            .field(
                "delivery_request_id", .uuid, .required, .references("delivery_requests", "id", onDelete: .cascade)
            )
            .field("reporter_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("reason", .string, .required)
            .field("description", .string)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "delivery_request_id", "reporter_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("delivery_request_reports").delete()
    }
}
