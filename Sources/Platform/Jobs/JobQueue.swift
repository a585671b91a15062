import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// What a job handler gets besides its payload.
public struct JobContext: Sendable {
    public let jobId: UUID
    public let attempt: Int
    public let db: any Database
    public let application: Application
    public let logger: Logger
}

/// A task that runs on a fixed interval (trip activation, expiry sweeps, clean-ups).
public struct RecurringTask: Sendable {
    public let name: String
    public let interval: TimeInterval
    public let run: @Sendable (JobContext) async throws -> Void

    public init(name: String, every interval: TimeInterval, run: @escaping @Sendable (JobContext) async throws -> Void)
    {
        self.name = name
        self.interval = interval
        self.run = run
    }
}

/// The durable job queue: enqueue in a transaction, run later with retries, exponential backoff and a dead state.
///
/// Claiming uses `FOR UPDATE SKIP LOCKED` on PostgreSQL so many nodes can share the queue; SQLite has a single
/// writer, so the same statement without the locking clause is already exclusive.
public final class JobQueue: Sendable {
    typealias Handler = @Sendable (Data, JobContext) async throws -> Void

    private let handlers = NIOLockedValueBox<[String: Handler]>([:])
    private let tasks = NIOLockedValueBox<[String: RecurringTask]>([:])
    private let decoder = JSONDecoder()
    private let encoder = JSONEncoder()
    /// Identifies this process in `locked_by`.
    public let nodeName = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    /// A running job whose lock is older than this is presumed lost with its node and is retried.
    public var staleLockAfter: TimeInterval { 600 }

    public init() {
        decoder.dateDecodingStrategy = .iso8601
        encoder.dateEncodingStrategy = .iso8601
    }

    /// Registers the handler for jobs named `name`.
    public func register<Payload: Decodable & Sendable>(
        _ name: String, payload: Payload.Type, handler: @escaping @Sendable (Payload, JobContext) async throws -> Void
    ) {
        let decoder = self.decoder
        handlers.withLockedValue {
            $0[name] = { data, context in try await handler(try decoder.decode(Payload.self, from: data), context) }
        }
    }

    /// Registers a recurring task; its first run is due at once.
    public func schedule(_ task: RecurringTask) {
        tasks.withLockedValue { $0[task.name] = task }
    }

    /// Adds a job due at `runAt` (the caller's clock decides "now"); pass the transaction's database so the job
    /// exists only if the change commits. Services queue through `CallContext.enqueue`.
    @discardableResult
    public func enqueue<Payload: Encodable>(
        _ name: String, payload: Payload, runAt: Date, maxAttempts: Int = 8, sensitive: Bool = false,
        on db: any Database
    ) async throws -> UUID {
        let record = BackgroundJobRecord(
            name: name, payload: String(decoding: try encoder.encode(payload), as: UTF8.self),
            runAt: runAt, maxAttempts: maxAttempts, sensitive: sensitive)
        try await record.insert(on: db)
        return try record.requireID()
    }

    /// Claims and runs every job due now, then every recurring task due now. Returns the number of jobs run.
    @discardableResult
    public func runDue(application: Application, limit: Int = 50) async throws -> Int {
        try await runScheduledTasks(application: application)
        var total = 0
        while true {
            let claimed = try await claim(application: application, limit: limit)
            if claimed.isEmpty { return total }
            for job in claimed {
                await execute(job, application: application)
            }
            total += claimed.count
        }
    }

    private func claim(application: Application, limit: Int) async throws -> [BackgroundJobRecord] {
        let db = application.db
        guard let sql = db as? any SQLDatabase else { return [] }
        let now = application.clock.now()
        let staleBefore = now.addingTimeInterval(-staleLockAfter)
        let lockClause = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw(
            """
            UPDATE background_jobs SET status = \(bind: BackgroundJobRecord.Status.running.rawValue), locked_at = \(bind: now), locked_by = \(bind: nodeName),
                attempts = attempts + 1, updated_at = \(bind: now)
            WHERE id IN (
                SELECT id FROM background_jobs
                WHERE (status = \(bind: BackgroundJobRecord.Status.pending.rawValue) AND run_at <= \(bind: now))
                   OR (status = \(bind: BackgroundJobRecord.Status.running.rawValue) AND locked_at < \(bind: staleBefore))
                ORDER BY run_at LIMIT \(bind: limit)\(unsafeRaw: lockClause)
            )
            RETURNING id
            """
        ).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await BackgroundJobRecord.query(on: db).filter(\.$id ~~ ids).sort(\.$runAt).all()
    }

    private func execute(_ job: BackgroundJobRecord, application: Application) async {
        let logger = application.logger
        guard let jobId = job.id else { return }
        let context = JobContext(
            jobId: jobId, attempt: job.attempts, db: application.db, application: application, logger: logger)
        do {
            guard let handler = handlers.withLockedValue({ $0[job.name] }) else {
                throw APIError(.internalServerError, code: "UNKNOWN_JOB", reason: "No handler for job \(job.name)")
            }
            try await handler(Data(job.payload.utf8), context)
            job.status = .completed
            job.completedAt = application.clock.now()
            job.lastError = nil
        } catch {
            let message = String(describing: error).prefix(1000)
            job.lastError = String(message)
            if job.attempts >= job.maxAttempts {
                job.status = .dead
                logger.error("job \(job.name) \(jobId) is dead after \(job.attempts) attempts: \(message)")
            } else {
                job.status = .pending
                job.runAt = application.clock.now().addingTimeInterval(Self.backoff(afterAttempt: job.attempts))
                logger.warning("job \(job.name) \(jobId) failed (attempt \(job.attempts)), retrying: \(message)")
            }
        }
        if job.sensitive && job.status != .pending { job.payload = "{}" }
        job.lockedAt = nil
        job.lockedBy = nil
        do {
            try await job.save(on: application.db)
        } catch {
            logger.error("could not record the outcome of job \(jobId): \(error)")
        }
    }

    /// Exponential backoff: 5 s, 10 s, 20 s … capped at one hour.
    public static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(3600, 5 * pow(2, Double(max(0, attempt - 1))))
    }

    private func runScheduledTasks(application: Application) async throws {
        let due = tasks.withLockedValue { Array($0.values) }.sorted { $0.name < $1.name }
        guard !due.isEmpty, let sql = application.db as? any SQLDatabase else { return }
        let now = application.clock.now()
        for task in due {
            if try await ScheduledTaskRecord.find(task.name, on: application.db) == nil {
                try? await ScheduledTaskRecord(name: task.name, nextRunAt: now).create(on: application.db)
            }
            // Only the node whose update matches runs the task this round.
            let claimed = try await sql.raw(
                """
                UPDATE scheduled_tasks SET next_run_at = \(bind: now.addingTimeInterval(task.interval)),
                    last_run_at = \(bind: now)
                WHERE name = \(bind: task.name) AND next_run_at <= \(bind: now)
                RETURNING name
                """
            ).all()
            guard !claimed.isEmpty else { continue }
            let context = JobContext(
                jobId: UUID(), attempt: 1, db: application.db, application: application, logger: application.logger)
            do {
                try await task.run(context)
            } catch {
                application.logger.error("scheduled task \(task.name) failed: \(error)")
            }
        }
    }
}

extension Application {
    private struct JobQueueKey: StorageKey {
        typealias Value = JobQueue
    }

    /// The application's job queue.
    public var jobs: JobQueue {
        if let queue = storage[JobQueueKey.self] { return queue }
        let queue = JobQueue()
        storage[JobQueueKey.self] = queue
        return queue
    }
}
