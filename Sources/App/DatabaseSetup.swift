import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Platform
import Vapor

/// Chooses SQLite (the embedded default) or PostgreSQL from `DATABASE_URL`.
enum DatabaseSetup {
    static func configure(_ app: Application, config: PlatformConfig) throws {
        guard let url = config.databaseURL else {
            let sqlite = DatabaseConfigurationFactory.sqlite(.file(config.sqliteFile.path)).make()
            let wakeUp = app.realtime.wakeUp
            app.databases.use(
                ImmediateWriteSQLiteConfiguration(
                    base: sqlite, maximumWait: busyTimeout(config), afterWrite: { wakeUp.ring() }),
                as: .sqlite)
            return
        }
        guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
            throw Abort(.internalServerError, reason: "DATABASE_URL must be a postgres:// URL (or unset for SQLite)")
        }
        var postgres = try SQLPostgresConfiguration(url: url)
        if let schema = config.databaseSchema {
            postgres.searchPath = [schema]
        }
        app.realtime.use(PostgresRealtimeHub(configuration: postgres))
        app.databases.use(
            .postgres(
                configuration: postgres, maxConnectionsPerEventLoop: config.databasePoolSize,
                connectionPoolTimeout: busyTimeout(config)),
            as: .psql)
    }

    private static func busyTimeout(_ config: PlatformConfig) -> TimeAmount {
        .milliseconds(Int64(config.databaseBusyTimeout * 1000))
    }

    /// Readies the database for concurrent use (SQLite: write-ahead log and the write-lock table).
    static func prepare(_ app: Application, config: PlatformConfig) async throws {
        guard config.databaseURL == nil else { return }
        try await ImmediateWriteSQLiteConfiguration.prepare(try app.db.sqlDatabase)
    }

    /// Where the data lives, for the start-up log line (credentials removed).
    static func describe(_ config: PlatformConfig) -> String {
        guard let url = config.databaseURL, let parsed = URLComponents(string: url) else {
            return "SQLite at \(config.sqliteFile.path)"
        }
        return "PostgreSQL at \(parsed.host ?? "localhost"):\(parsed.port ?? 5432)\(parsed.path)"
    }
}

/// The SQLite default migrates itself on start: no set-up step for a newcomer.
struct SQLiteAutoMigration: LifecycleHandler {
    func willBootAsync(_ application: Application) async throws {
        try await application.applyPendingMigrations()
    }
}

/// Says where the platform's data is; Vapor's own "Server started on …" line follows with the address.
struct StartupBanner: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        let config = application.platformConfig
        application.logger.notice(
            "P2P Delivery Platform \(PlatformVersion.current) starting — data in \(config.dataDirectory.path), \(DatabaseSetup.describe(config))"
        )
    }
}

/// On PostgreSQL, `serve` refuses to start on a database with pending migrations instead of failing on the
/// first request that touches a missing table.
struct PendingMigrationGuard: LifecycleHandler {
    struct PendingMigrations: Error, CustomStringConvertible {
        let names: [String]
        var description: String {
            "The database has \(names.count) pending migration(s) (\(names.prefix(3).joined(separator: ", "))…): "
                + "run `p2p migrate --yes` first, or start with `p2p serve --auto-migrate`"
        }
    }

    func didBootAsync(_ application: Application) async throws {
        try await application.migrator.setupIfNeeded().get()
        let pending = try await application.migrator.previewPrepareBatch().get()
        guard pending.isEmpty else {
            throw PendingMigrations(names: pending.map { $0.0.name })
        }
    }
}
