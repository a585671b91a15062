/// Creates and drops empty schemas on the test PostgreSQL server, for tests that need an unmigrated database.
public enum PostgresSchemas {
    public static func create(_ schema: String, url: String) async throws {
        try await PostgresAdmin.execute("CREATE SCHEMA \"\(schema)\"", url: url)
    }

    public static func drop(_ schema: String, url: String) async throws {
        try await PostgresAdmin.execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE", url: url)
    }
}
