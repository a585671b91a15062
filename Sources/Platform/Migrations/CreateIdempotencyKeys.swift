import Fluent

/// Remembered `Idempotency-Key` requests.
public struct CreateIdempotencyKeys: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("idempotency_keys")
            .id()
            .field("scope", .string, .required)
            .field("key", .string, .required)
            .field("request_hash", .string, .required)
            .field("completed", .bool, .required)
            .field("response_status", .int)
            .field("response_body", .string)
            .field("response_content_type", .string)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "scope", "key")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("idempotency_keys").delete()
    }
}
