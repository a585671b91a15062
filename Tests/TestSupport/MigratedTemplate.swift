import App
import Fluent
import Foundation
import Platform
import SQLKit
import Vapor

/// The database every test starts from, migrated once per test process instead of once per test.
///
/// Running every migration took most of a short test's time; copying their result is a file write on SQLite
/// and a `CREATE DATABASE … TEMPLATE` on PostgreSQL. Each template is made the first time a test asks for it; a
/// `static let` is initialised exactly once, so tests running in parallel all await the same migration.
enum MigratedTemplate {
    /// The bytes of a migrated SQLite database file.
    static let sqlite = Task<Data, any Error> {
        let directory = try temporaryDataDirectory("p2p-template")
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("template.sqlite")
        try await migrate(PlatformConfig.testDefaults(dataDirectory: directory)) { app in
            // A standalone copy of the database as committed: the live file may still rely on its write-ahead
            // log (`-wal`), which a copy of that file alone would lose.
            try await app.db.sqlDatabase.raw("VACUUM INTO \(bind: snapshot.path)").run()
        }
        return try Data(contentsOf: snapshot)
    }

    /// The name of a migrated database on the `TEST_DATABASE_URL` server, for `CREATE DATABASE … TEMPLATE`.
    static let postgres = Task<String, any Error> {
        guard let server = testPostgresURL else { throw NoPostgresServer() }
        try await PostgresDatabases.dropStaleTemplates(on: server)
        let name = PostgresDatabases.templateName()
        try await PostgresDatabases.create(name, on: server)
        let directory = try temporaryDataDirectory("p2p-template")
        defer { try? FileManager.default.removeItem(at: directory) }
        var config = PlatformConfig.testDefaults(dataDirectory: directory)
        config.databaseURL = try PostgresDatabases.url(of: name, on: server)
        // PostgreSQL copies a database only while nobody is connected to it: `migrate` shuts the application
        // and its pool down before it returns.
        try await migrate(config) { _ in }
        return name
    }

    /// Configures an application on `config`, runs every migration, lets `finish` read the result and shuts
    /// the application down.
    private static func migrate(
        _ config: PlatformConfig, finish: (Application) async throws -> Void
    ) async throws {
        let app = try await makeTestApplication()
        do {
            try await configure(app, config: config)
            try await app.autoMigrate()
            try await finish(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    struct NoPostgresServer: Error, CustomStringConvertible {
        var description: String { "the PostgreSQL template needs TEST_DATABASE_URL" }
    }
}
