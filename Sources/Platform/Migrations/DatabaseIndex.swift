import Fluent
import SQLKit

extension Database {
    /// Creates a plain (or unique) index; Fluent's schema builder has no index API.
    public func index(on table: String, name: String, columns: [String], unique: Bool = false) async throws {
        var builder = try sqlDatabase.create(index: name).on(table)
        if unique { builder = builder.unique() }
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
