import Auth
import Fluent
import Platform

/// `user_addresses`, with `latitude`/`longitude` copies of `coordinates` for bounding-box searches and one
/// default address per user.
struct CreateUserAddresses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_addresses")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("type", .string, .required)
            .field("label", .string)
            .field("street", .string, .required)
            .field("city", .string, .required)
            .field("state", .string)
            .field("postal_code", .string)
            .field("country", .string, .required)
            .field("coordinates", .json, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("is_default", .bool, .required)
            .field("instructions", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index(on: "user_addresses", name: "user_addresses_user_idx", columns: ["user_id"])
        try await database.index(
            on: "user_addresses", name: "user_addresses_location_idx", columns: ["latitude", "longitude"])
        // At most one default per user, whatever the races between requests (SQLite and PostgreSQL both
        // have partial indexes).
        try await database.sqlDatabase.raw(
            """
            CREATE UNIQUE INDEX user_addresses_one_default_idx ON user_addresses (user_id) WHERE is_default
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_addresses").delete()
    }
}
