import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Platform
import Vapor

/// Wires the platform: configuration, database, side-effect clients, middleware, modules, routes, commands.
///
/// Tests call it with their own `PlatformConfig` and then replace clients (clock, geocoder) before use.
public func configure(_ app: Application, config: PlatformConfig = .fromEnvironment()) async throws {
    app.platformConfig = config
    app.requestMetrics = RequestMetrics()
    try HTTPEdge.configure(app, config: config)
    try FileManager.default.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true)
    app.secrets = try PlatformSecrets.load(config: config, environment: ProcessInfo.processInfo.environment)
    try DatabaseSetup.configure(app, config: config)
    app.fluent.migrationLogLevel = .debug
    try await DatabaseSetup.prepare(app, config: config)

    app.mailer = Mailer(transport: try MailTransportFactory.make(config: config), from: config.mailFrom)
    app.smsSender = FileSMSSender(directory: try config.directory("sms"), logger: app.logger)
    app.fileStore = LocalFileStore(root: try config.directory("files"))
    app.geocoder = try OfflineGeocoder()
    app.passwords.use { _ in DigestedBcryptHasher(cost: config.bcryptCost) }
    app.routes.defaultMaxBodySize = "1mb"

    app.migrations.add(Modules.migrations)
    let modules = Modules.all
    for module in modules {
        try await module.boot(app)
    }

    try app.register(collection: OperationsController())
    for module in modules {
        try module.routes(app)
    }

    // Created here, before any request: requests only read it, and shutdown waits for its work.
    _ = app.backgroundWork

    app.asyncCommands.use(AdminCommand(), as: "admin")
    app.asyncCommands.use(KeysCommand(), as: "keys")
    app.asyncCommands.use(LedgerCommand(), as: "ledger")
    app.asyncCommands.use(SeedCommand(), as: "seed")

    if config.databaseURL == nil && !CommandLineIntent.asksForHelp(app) {
        app.lifecycle.use(SQLiteAutoMigration())
    }
    if CommandLineIntent.isServing(app) || app.environment == .testing {
        // After the SQLite migration (a will-boot step): the hub reads the backlog when it starts.
        app.lifecycle.use(RealtimeLifecycle())
    }
    if CommandLineIntent.isServing(app) && app.environment != .testing {
        // Handlers boot in this order: refuse a stale schema before the worker touches it.
        if config.databaseURL != nil {
            app.lifecycle.use(PendingMigrationGuard())
        }
        app.lifecycle.use(StartupBanner())
        if config.runsWorkers {
            app.lifecycle.use(JobWorker(interval: config.workerPollInterval))
        }
    }
}
