import App
import Fluent
import Foundation
import Platform
import SQLKit
import Vapor

/// The application on a fresh database: a new SQLite file in a temporary directory, or a new schema on the
/// PostgreSQL server, configured as `p2p serve` configures itself and migrated with the application's own
/// migrations. No HTTP server: the benchmark calls the ledger directly.
struct LedgerBenchmarkStore {
    /// Connections per event loop: enough that 16 concurrent posters never wait for one.
    static let poolSizePerEventLoop = 16

    let app: Application
    let directory: URL
    let ownsDirectory: Bool
    let schema: String?

    static func open(_ options: LedgerBenchmarkOptions) async throws -> LedgerBenchmarkStore {
        let ownsDirectory = options.dataDirectory == nil
        let directory =
            options.dataDirectory.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("p2p-ledger-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let sqliteFile = directory.appendingPathComponent("p2p.sqlite")
        if options.store == .sqlite, FileManager.default.fileExists(atPath: sqliteFile.path) {
            throw BenchmarkError("\(sqliteFile.path) exists: the benchmark needs a fresh database")
        }
        let schema = options.store == .postgres ? "ledger_bench_\(UUID().uuidString.prefix(8).lowercased())" : nil
        let config = PlatformConfig(
            dataDirectory: directory, databaseURL: options.store == .postgres ? options.postgresURL : nil,
            databaseSchema: schema, bcryptCost: 4, runsWorkers: false, databasePoolSize: poolSizePerEventLoop)
        let environment = Environment(name: "production", arguments: ["ledger-bench"])
        let app = try await Application.make(environment)
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
        return LedgerBenchmarkStore(app: app, directory: directory, ownsDirectory: ownsDirectory, schema: schema)
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
