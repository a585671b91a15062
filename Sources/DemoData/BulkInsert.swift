import Fluent
import Foundation
import Platform
import SQLKit

/// Multi-row `INSERT`s: one statement per batch keeps round trips and parsing to a minimum, and stays under
/// SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
enum BulkInsert {
    static let maxParameters = 30_000

    static func run(
        into table: String, columns: [String], rows: [[any Encodable & Sendable]], on db: any Database
    ) async throws {
        let sql = try db.sqlDatabase
        let perStatement = max(1, maxParameters / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + perStatement)
            let insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { insert.values(row) }
            try await insert.run()
            start = end
        }
    }
}
