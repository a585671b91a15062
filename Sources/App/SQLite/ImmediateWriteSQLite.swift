import FluentKit
import FluentSQLiteDriver
import Logging
import NIOCore
import SQLKit

/// SQLite with transactions that take the write lock when they begin.
///
/// Fluent opens SQLite transactions with a deferred `BEGIN`. A transaction that reads and then writes holds a
/// read snapshot while asking for the write lock, and SQLite refuses that at once ("database is locked")
/// whenever another connection writes meanwhile, instead of waiting. Making the first statement of every
/// transaction a write (that changes nothing) takes the write lock through SQLite's busy-wait path before any
/// read, so concurrent transactions queue up behind each other: SQLite's single writer, without failures.
/// PostgreSQL needs none of this.
struct ImmediateWriteSQLiteConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    /// How long a transaction waits for the writer's turn before it fails with 503 `DATABASE_BUSY`.
    var maximumWait: TimeAmount
    /// Called after each write turn ends (the real-time hub reads the backlog then).
    var afterWrite: @Sendable () -> Void = {}

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        ImmediateWriteSQLiteDriver(
            base: base.makeDriver(for: databases),
            writers: SQLiteWriterQueue(maximumWait: maximumWait, afterWrite: afterWrite))
    }

    /// The statement that claims the write lock: a delete that matches nothing.
    static let claimWriteLock = "DELETE FROM write_lock WHERE 0"

    /// Switches the file to write-ahead logging (readers never wait for the writer) and creates the table the
    /// lock statement names. Run once at start-up.
    static func prepare(_ database: any SQLDatabase) async throws {
        try await database.raw("PRAGMA journal_mode=WAL").run()
        try await database.raw("CREATE TABLE IF NOT EXISTS write_lock (id INTEGER)").run()
    }
}

struct ImmediateWriteSQLiteDriver: DatabaseDriver {
    let base: any DatabaseDriver
    let writers: SQLiteWriterQueue

    func makeDatabase(with context: DatabaseContext) -> any Database {
        ImmediateWriteSQLiteDatabase.wrap(base.makeDatabase(with: context), writers: writers)
    }

    func shutdown() {
        base.shutdown()
    }

    func shutdownAsync() async {
        await base.shutdownAsync()
    }
}

/// Forwards everything to the SQLite database; each transaction waits for the writer's turn and claims the
/// write lock before anything else.
struct ImmediateWriteSQLiteDatabase: Database, SQLDatabase {
    let base: any Database & SQLDatabase
    let writers: SQLiteWriterQueue

    static func wrap(_ database: any Database, writers: SQLiteWriterQueue) -> any Database {
        guard let sql = database as? any Database & SQLDatabase else { return database }
        return ImmediateWriteSQLiteDatabase(base: sql, writers: writers)
    }

    // Database

    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }

    func execute(
        query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void
    )
        -> EventLoopFuture<Void>
    {
        let base = self.base
        guard !base.inTransaction, query.action.writes else { return base.execute(query: query, onOutput: onOutput) }
        return inWritersTurn { base.execute(query: query, onOutput: onOutput) }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        base.execute(schema: schema)
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        base.execute(enum: `enum`)
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard !base.inTransaction else { return closure(self) }
        // Fluent's transaction API is generic over non-Sendable results, so the result is handed over on the
        // event loop it belongs to through NIO's isolated views rather than a Sendable future chain.
        let loop = base.eventLoop
        let promise = loop.makePromise(of: T.self)
        let writers = self.writers
        let base = self.base
        writers.acquire(on: loop).whenComplete { turn in
            if case .failure(let error) = turn {
                promise.fail(error)
                return
            }
            base.transaction { transaction in
                let wrapped = Self.wrap(transaction, writers: writers)
                let claim =
                    (transaction as? any SQLDatabase)?
                    .raw(SQLQueryString(ImmediateWriteSQLiteConfiguration.claimWriteLock)).run()
                    ?? transaction.eventLoop.makeSucceededVoidFuture()
                return claim.flatMap { Self.sendable(closure(wrapped)) }
            }.hop(to: loop).whenComplete { outcome in
                writers.release()
                switch outcome {
                case .success(let boxed): promise.assumeIsolated().succeed(boxed.value)
                case .failure(let error): promise.fail(error)
                }
            }
        }
        return promise.futureResult
    }

    /// Carries a result the transaction produced across its future chain; it is only read back on its loop.
    private struct Carried<Value>: @unchecked Sendable {
        let value: Value
    }

    private static func sendable<Value>(_ future: EventLoopFuture<Value>) -> EventLoopFuture<Carried<Value>> {
        future.map { Carried(value: $0) }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let writers = self.writers
        return base.withConnection { closure(Self.wrap($0, writers: writers)) }
    }

    // SQLDatabase

    var logger: Logger { base.context.logger }
    var eventLoop: any EventLoop { base.context.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(
        sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    )
        -> EventLoopFuture<Void>
    {
        let base = self.base
        guard !base.inTransaction, writes(query) else { return base.execute(sql: query, onRow) }
        return inWritersTurn { base.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        guard !base.inTransaction, writes(query) else { return try await base.execute(sql: query, onRow) }
        try await writers.acquire(on: eventLoop).get()
        defer { writers.release() }
        try await base.execute(sql: query, onRow)
    }

    // Writes outside transactions

    /// Runs a lone write in the writer's turn, like a transaction. Left to SQLite's busy handler, it would spin
    /// on one of the two threads that run every SQLite call until the current transaction commits, and two such
    /// writes would hold both threads while that transaction waits for one of them: a deadlock that never ends,
    /// since the handler retries forever.
    private func inWritersTurn(_ work: @escaping @Sendable () -> EventLoopFuture<Void>) -> EventLoopFuture<Void> {
        let writers = self.writers
        return writers.acquire(on: eventLoop).flatMap {
            work().always { _ in writers.release() }
        }
    }

    /// Whether a statement changes data: the builders' insert, update and delete, or SQL text that starts so.
    private func writes(_ query: any SQLExpression) -> Bool {
        if query is SQLInsert || query is SQLUpdate || query is SQLDelete { return true }
        if query is SQLSelect { return false }
        let keyword = serialize(query).sql.drop(while: { $0.isWhitespace || $0 == "(" }).prefix(7).uppercased()
        return ["INSERT", "UPDATE", "DELETE", "REPLACE"].contains { keyword.hasPrefix($0) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await base.withSession(closure)
    }
}

extension DatabaseQuery.Action {
    /// Creates, updates and deletes (and custom actions, which may be either); reads and aggregates do not write.
    fileprivate var writes: Bool {
        switch self {
        case .read, .aggregate: false
        case .create, .update, .delete, .custom: true
        }
    }
}
