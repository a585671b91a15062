import App
import Foundation
import Platform
import Testing
import Vapor
import VaporTesting

/// Runs `body` against a fully configured, migrated application with its own data directory and database:
/// a copy of the run's migrated template, as a SQLite file or as a PostgreSQL database on `TEST_DATABASE_URL`.
public func withTestApp(_ body: (TestApp) async throws -> Void) async throws {
    try await withTestApp(configuring: { _ in }, body)
}

/// `withTestApp` with the test's own settings on top of the test defaults (trusted proxies, CORS origins…).
public func withTestApp(
    configuring adjust: (inout PlatformConfig) -> Void, _ body: (TestApp) async throws -> Void
) async throws {
    let directory = try temporaryDataDirectory("p2p-test")
    var config = PlatformConfig.testDefaults(dataDirectory: directory)
    let database: TestDatabase
    do {
        database = try await TestDatabase.copyOfTemplate(for: config)
    } catch {
        try? FileManager.default.removeItem(at: directory)
        throw error
    }
    config.databaseURL = database.url
    adjust(&config)
    let app = try await makeTestApplication()
    let clock = ManualClock()
    do {
        try await configure(app, config: config)
        app.clock = clock
        try await body(TestApp(app: app, clock: clock, dataDirectory: directory))
    } catch {
        try? await app.asyncShutdown()
        await cleanUp(directory: directory, database: database)
        throw error
    }
    try await app.asyncShutdown()
    await cleanUp(directory: directory, database: database)
}

private func cleanUp(directory: URL, database: TestDatabase) async {
    try? FileManager.default.removeItem(at: directory)
    await database.drop()
}

/// A new, empty directory under the system's temporary directory.
func temporaryDataDirectory(_ prefix: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
}

/// An application in the testing environment, logging at `LOG_LEVEL` (errors only by default); not configured.
func makeTestApplication() async throws -> Application {
    let app = try await Application.make(.testing)
    app.logger.logLevel =
        ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .error
    return app
}

extension PlatformConfig {
    /// The settings every test starts from. The busy limit is out of reach: a loaded machine must not turn a
    /// queued write into a 503.
    static func testDefaults(dataDirectory: URL) -> PlatformConfig {
        PlatformConfig(dataDirectory: dataDirectory, bcryptCost: 4, runsWorkers: false, databaseBusyTimeout: 3600)
    }
}

/// The PostgreSQL server the suite runs on (`TEST_DATABASE_URL`), or nil on SQLite.
var testPostgresURL: String? {
    ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
}

/// Whether this run uses PostgreSQL (for tests that say which database they saw).
public var testsRunOnPostgres: Bool {
    testPostgresURL != nil
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
