import FluentPostgresDriver
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Statements about the test server itself (schemas, databases), each on its own short-lived connection to the
/// database `TEST_DATABASE_URL` names, outside any application's pool.
enum PostgresAdmin {
    static func execute(_ sql: String, url: String) async throws {
        _ = try await strings(sql, url: url)
    }

    /// The first column of every row `sql` returns, as text.
    static func strings(_ sql: String, url: String) async throws -> [String] {
        let configuration = try SQLPostgresConfiguration(url: url)
        let logger = Logger(label: "test.postgres")
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration.coreConfiguration,
            id: 1, logger: logger)
        do {
            var values: [String] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                values.append(try row.decode(String.self))
            }
            try await connection.close()
            return values
        } catch {
            try? await connection.close()
            throw Failure(sql: sql, message: String(reflecting: error))
        }
    }

    /// What the server said, with the statement that failed, so a test run on a role without `CREATEDB` says
    /// so rather than a bare `PSQLError`.
    struct Failure: Error, CustomStringConvertible {
        let sql: String
        let message: String
        var description: String { "PostgreSQL refused `\(sql)`: \(message)" }
    }
}
