import App
import Fluent
import Foundation
import Platform
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Runs `body` against a fully configured, migrated application with its own data directory and database:
/// a temporary SQLite file, or a fresh schema on `TEST_DATABASE_URL` when the suite runs on PostgreSQL.
public func withTestApp(_ body: (TestApp) async throws -> Void) async throws {
    try await withTestApp(configuring: { _ in }, body)
}

/// `withTestApp` with the test's own settings on top of the test defaults (trusted proxies, CORS origins…).
public func withTestApp(
    configuring adjust: (inout PlatformConfig) -> Void, _ body: (TestApp) async throws -> Void
) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("p2p-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let postgresURL = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    let schema = postgresURL.map { _ in "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") }
    if let postgresURL, let schema {
        try await PostgresSchemas.create(schema, url: postgresURL)
    }
    // The busy limit is out of reach: a loaded machine must not turn a queued write into a 503.
    var config = PlatformConfig(
        dataDirectory: directory, databaseURL: postgresURL, databaseSchema: schema, bcryptCost: 4, runsWorkers: false,
        databaseBusyTimeout: 3600)
    adjust(&config)
    let app = try await Application.make(.testing)
    app.logger.logLevel =
        ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .error
    let clock = ManualClock()
    do {
        try await configure(app, config: config)
        app.clock = clock
        try await app.autoMigrate()
        try await body(TestApp(app: app, clock: clock, dataDirectory: directory))
    } catch {
        try? await app.asyncShutdown()
        await cleanUp(directory: directory, schema: schema, url: postgresURL)
        throw error
    }
    try await app.asyncShutdown()
    await cleanUp(directory: directory, schema: schema, url: postgresURL)
}

private func cleanUp(directory: URL, schema: String?, url: String?) async {
    try? FileManager.default.removeItem(at: directory)
    if let schema, let url {
        try? await PostgresSchemas.drop(schema, url: url)
    }
}

/// Whether this run uses PostgreSQL (for tests that say which database they saw).
public var testsRunOnPostgres: Bool {
    ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].map { !$0.isEmpty } ?? false
}

extension Trait where Self == ConditionTrait {
    /// A test of SQLite's own machinery (its writer queue): reported as skipped, not passed, on PostgreSQL.
    public static var sqliteOnly: Self {
        .enabled(if: !testsRunOnPostgres, "tests SQLite's writer queue; PostgreSQL uses row locks instead")
    }

    /// A test of PostgreSQL's own behaviour: reported as skipped on SQLite.
    public static var postgresOnly: Self {
        .enabled(if: testsRunOnPostgres, "needs PostgreSQL (set TEST_DATABASE_URL or run scripts/test)")
    }
}
