import Fluent
import SQLKit

extension Database {
    /// The SQL view of this database; both supported drivers (SQLite, PostgreSQL) provide one.
    public var sqlDatabase: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else {
                throw APIError(.internalServerError, code: "UNSUPPORTED_DATABASE", reason: "A SQL database is required")
            }
            return sql
        }
    }

    /// True on PostgreSQL, where row locks and `SKIP LOCKED` exist.
    public var isPostgres: Bool {
        (self as? any SQLDatabase)?.dialect.name == "postgresql"
    }
}
