import App
import Fluent
import Foundation
import Platform
import SQLKit
import Vapor

/// The application under test on a fresh database (a new SQLite file in a temporary directory, or a new schema
/// on the PostgreSQL server), configured as `p2p serve` configures itself and migrated with the application's
/// own migrations. The job worker is off, as in the other HTTP benchmark, so the figures are the requests' own:
/// what a flow leaves for it (outbox events, jobs) waits in its tables, counted in the rows each flow writes.
struct FlowStore {
    let app: Application
    let directory: URL
    let ownsDirectory: Bool
    let schema: String?

    static func open(_ options: FlowOptions) async throws -> FlowStore {
        let ownsDirectory = options.dataDirectory == nil
        let directory =
            options.dataDirectory.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("p2p-flow-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let sqliteFile = directory.appendingPathComponent("p2p.sqlite")
        if options.store == .sqlite, FileManager.default.fileExists(atPath: sqliteFile.path) {
            throw BenchmarkError("\(sqliteFile.path) exists: the benchmark needs a fresh database")
        }
        let schema = options.store == .postgres ? "flow_bench_\(UUID().uuidString.prefix(8).lowercased())" : nil
        let config = PlatformConfig(
            dataDirectory: directory, databaseURL: options.store == .postgres ? options.postgresURL : nil,
            databaseSchema: schema, bcryptCost: 4, runsWorkers: false)
        let environment = Environment(
            name: "production", arguments: ["money-flow-bench", "serve", "--hostname", "127.0.0.1", "--port", "0"])
        let app = try await Application.make(environment)
        // The benchmark's own HTTP client: one connection per concurrent client instead of the default eight, so
        // that no request waits in the client for a connection. Set before `configure` first builds the client.
        app.http.client.configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, options.lanes * 2))
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
        return FlowStore(app: app, directory: directory, ownsDirectory: ownsDirectory, schema: schema)
    }

    /// Starts the HTTP server (the `serve` command of the arguments above) and returns the port it bound.
    func serve() async throws -> Int {
        try await app.startup()
        guard let port = app.http.server.shared.localAddress?.port else {
            throw BenchmarkError("the server did not report its port")
        }
        return port
    }

    /// Stops the application and removes what the benchmark created.
    func close() async throws {
        if let schema, let sql = app.db as? any SQLDatabase {
            try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        }
        try await app.asyncShutdown()
        if ownsDirectory { try? FileManager.default.removeItem(at: directory) }
    }
}
