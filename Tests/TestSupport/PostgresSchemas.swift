import FluentPostgresDriver
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Creates and drops the per-test schemas on the test PostgreSQL server.
public enum PostgresSchemas {
    public static func create(_ schema: String, url: String) async throws {
        try await run("CREATE SCHEMA \"\(schema)\"", url: url)
    }

    public static func drop(_ schema: String, url: String) async throws {
        try await run("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE", url: url)
    }

    private static func run(_ sql: String, url: String) async throws {
        let configuration = try SQLPostgresConfiguration(url: url)
        let logger = Logger(label: "test.postgres")
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration.coreConfiguration,
            id: 1, logger: logger)
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
