import App
import Fluent
import Foundation
import Platform
import SQLKit
import Vapor

/// The database a benchmark runs on.
public enum BenchmarkDatabase: String, Sendable {
    case sqlite
    case postgres
}

/// The application under test on a fresh database (a new SQLite file in a temporary directory, or a new schema
/// on the PostgreSQL server), configured as `p2p serve` configures itself and migrated with the application's
/// own migrations. The job worker is off, so the figures are the measured calls' own: what they leave for it
/// (outbox events, jobs) waits in its tables.
public struct BenchmarkApp {
    public let app: Application
    let directory: URL
    let ownsDirectory: Bool
    let schema: String?

    /// - Parameters:
    ///   - name: the benchmark's name, for the temporary directory and the PostgreSQL schema.
    ///   - arguments: the application's command line (`serve` with its host and port, for `serve()`).
    ///   - poolSize: database connections per event loop, when the default is not enough.
    ///   - prepare: adjusts the application before `configure` builds its services (its HTTP client).
    public static func open(
        _ database: BenchmarkDatabase, postgresURL: String?, dataDirectory: String?, name: String,
        arguments: [String], poolSize: Int? = nil, prepare: (Application) -> Void = { _ in }
    ) async throws -> BenchmarkApp {
        let ownsDirectory = dataDirectory == nil
        let directory =
            dataDirectory.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("p2p-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let sqliteFile = directory.appendingPathComponent("p2p.sqlite")
        if database == .sqlite, FileManager.default.fileExists(atPath: sqliteFile.path) {
            throw BenchmarkError("\(sqliteFile.path) exists: the benchmark needs a fresh database")
        }
        let schema =
            database == .postgres
            ? "\(name.replacingOccurrences(of: "-", with: "_"))_\(UUID().uuidString.prefix(8).lowercased())" : nil
        var config = PlatformConfig(
            dataDirectory: directory, databaseURL: database == .postgres ? postgresURL : nil, databaseSchema: schema,
            bcryptCost: 4, runsWorkers: false)
        if let poolSize { config.databasePoolSize = poolSize }
        let app = try await Application.make(Environment(name: "production", arguments: arguments))
        prepare(app)
        do {
            try await configure(app, config: config)
            if let schema, let sql = app.db as? any SQLDatabase {
                try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
            }
            try await app.autoMigrate()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return BenchmarkApp(app: app, directory: directory, ownsDirectory: ownsDirectory, schema: schema)
    }

    /// Starts the HTTP server (the `serve` command of the arguments) and returns the port it bound.
    public func serve() async throws -> Int {
        try await app.startup()
        guard let port = app.http.server.shared.localAddress?.port else {
            throw BenchmarkError("the server did not report its port")
        }
        return port
    }

    /// Stops the application and removes what the benchmark created.
    public func close() async throws {
        if let schema, let sql = app.db as? any SQLDatabase {
            try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        }
        try await app.asyncShutdown()
        if ownsDirectory { try? FileManager.default.removeItem(at: directory) }
    }
}
