import Foundation
import Platform

/// One test's own database, a copy of the run's `MigratedTemplate`: a SQLite file written into the test's data
/// directory, or a PostgreSQL database cloned from the template database.
struct TestDatabase: Sendable {
    /// The test's PostgreSQL database (`postgres://…/p2p_t_…`); nil on SQLite, whose file is in the data directory.
    let url: String?
    private let postgres: (server: String, name: String)?

    /// Copies the template before the application opens its database, so the test starts migrated.
    static func copyOfTemplate(for config: PlatformConfig) async throws -> TestDatabase {
        guard let server = testPostgresURL else {
            try await MigratedTemplate.sqlite.value.write(to: config.sqliteFile)
            return TestDatabase(url: nil, postgres: nil)
        }
        let template = try await MigratedTemplate.postgres.value
        let name = "p2p_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await PostgresDatabases.create(name, template: template, on: server)
        return TestDatabase(url: try PostgresDatabases.url(of: name, on: server), postgres: (server, name))
    }

    /// Drops the PostgreSQL copy (the SQLite copy goes with the data directory).
    func drop() async {
        if let postgres {
            try? await PostgresDatabases.drop(postgres.name, on: postgres.server)
        }
    }
}
