import Fluent
import Platform

/// `trip_capacity_reservations`: who holds which part of a trip's capacity. A delivery holds at most once.
struct CreateTripCapacityReservations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("trip_capacity_reservations")
            .id()
            .field("trip_id", .uuid, .required, .references("trips", "id", onDelete: .cascade))
            .field("delivery_id", .uuid)
            .field("reserved_by", .uuid, .required)
            .field("weight", .double, .required)
            .field("volume", .double, .required)
            .field("items", .int, .required)
            .field("status", .string, .required)
            .field("note", .string)
            .field("created_at", .datetime, .required)
            .field("released_at", .datetime)
            .create()
        try await database.index(
            on: "trip_capacity_reservations", name: "trip_capacity_reservations_trip_idx", columns: ["trip_id"])
        try await database.sqlDatabase.raw(
            """
            CREATE UNIQUE INDEX trip_capacity_reservations_delivery_idx
            ON trip_capacity_reservations (delivery_id) WHERE delivery_id IS NOT NULL AND status = 'held'
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("trip_capacity_reservations").delete()
    }
}
