import Fluent
import Platform

/// An index on `user_statistics.updated_at`: the matching index reads the ratings changed since its last refresh
/// on every search, which otherwise scans the whole table.
struct AddUserStatisticsUpdatedIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.index(
            on: UserStatistics.schema, name: "user_statistics_updated_idx", columns: ["updated_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.sqlDatabase.raw("DROP INDEX user_statistics_updated_idx").run()
    }
}
