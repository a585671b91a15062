import Fluent
import Platform
import SQLKit

/// `trips.tags` as the seed's `text[]` on PostgreSQL. `CreateTrips` made it `jsonb`, but Fluent binds a Swift
/// `[String]` as `text[]`, so PostgreSQL refused every trip insert. SQLite keeps its JSON text, which Fluent
/// reads and writes as arrays already. The column is converted only while it is still `jsonb`, so the step
/// is harmless on a database whose `tags` is already an array.
struct ChangeTripsTagsToTextArray: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard database.isPostgres, try await tagsType(on: database) == "jsonb" else { return }
        // A column type change cannot run a subquery per row, so the values move through a new column, in one
        // transaction (PostgreSQL's DDL is transactional).
        try await database.transaction { tx in
            for statement in [
                "ALTER TABLE trips ADD COLUMN tags_text text[]",
                "UPDATE trips SET tags_text = ARRAY(SELECT jsonb_array_elements_text(tags))",
                "ALTER TABLE trips DROP COLUMN tags",
                "ALTER TABLE trips RENAME COLUMN tags_text TO tags",
                "ALTER TABLE trips ALTER COLUMN tags SET NOT NULL",
            ] {
                try await tx.sqlDatabase.raw(SQLQueryString(statement)).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        guard database.isPostgres, try await tagsType(on: database) == "ARRAY" else { return }
        try await database.sqlDatabase.raw("ALTER TABLE trips ALTER COLUMN tags TYPE jsonb USING to_jsonb(tags)").run()
    }

    /// `information_schema`'s name of the column's type in the current schema (`jsonb`, `ARRAY`).
    private func tagsType(on database: any Database) async throws -> String? {
        try await database.sqlDatabase.raw(
            """
            SELECT data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'trips' AND column_name = 'tags'
            """
        ).first(decodingColumn: "data_type", as: String.self)
    }
}
