import Fluent
import Vapor

/// Everything a service may use for one call: the database, time, events, jobs, logging, configuration,
/// secrets, where the call came from and, when someone acts, who.
///
/// A controller builds it from its request (`req.callContext`); a job, an event subscriber or a command builds
/// it from the application (`app.callContext()`, `job.callContext`), so one service runs behind all of them and
/// a unit test calls it without HTTP. Services never see a `Request`.
public struct CallContext: Sendable {
    /// The database of this call; inside `transaction(_:)` it is the transaction.
    public let db: any Database
    public let clock: any AppClock
    public let events: EventBus
    public let jobs: JobQueue
    public let logger: Logger
    public let config: PlatformConfig
    public let secrets: PlatformSecrets
    /// Who acts; nil for the system (a scheduled job) or an anonymous caller.
    public let principal: Principal?
    public let origin: CallOrigin
    /// The long-lived clients modules install at boot live here; services reach them through named accessors
    /// (`context.geocoder`, `context.mailer`), which keeps what a service uses visible in its code.
    package let application: Application

    package init(
        application: Application, db: any Database, principal: Principal?, origin: CallOrigin, logger: Logger
    ) {
        self.application = application
        self.db = db
        self.clock = application.clock
        self.events = application.events
        self.jobs = application.jobs
        self.logger = logger
        self.config = application.platformConfig
        self.secrets = application.secrets
        self.principal = principal
        self.origin = origin
    }

    /// "Now" according to the injected clock.
    public var now: Date { clock.now() }

    /// The acting user, or 401 for anonymous and system calls.
    public func requirePrincipal() throws -> Principal {
        guard let principal else { throw APIError.unauthorized() }
        return principal
    }

    /// The same call on another database handle (a transaction opened elsewhere).
    public func on(_ db: any Database) -> CallContext {
        CallContext(application: application, db: db, principal: principal, origin: origin, logger: logger)
    }

    /// The same call on the application's own database handle, for work that outlives the request (the
    /// request's handle is not to be used once it has been answered).
    public func detached() -> CallContext {
        on(application.db)
    }

    /// The same call acting as `principal` (a job acting for a member).
    public func acting(as principal: Principal?) -> CallContext {
        CallContext(application: application, db: db, principal: principal, origin: origin, logger: logger)
    }

    /// Runs `body` in one database transaction, with a context whose `db` is that transaction.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (CallContext) async throws -> T) async throws -> T
    {
        let context = self
        return try await db.transaction { db in try await body(context.on(db)) }
    }

    /// Publishes `event` through the outbox on this context's database (call it inside the transaction of the
    /// change it announces), tagged with the call's request id.
    public func publish<Event: DomainEvent>(_ event: Event) async throws {
        try await events.publish(event, on: db, application: application, requestId: origin.requestId)
    }

    /// Publishes `event` on `db`, a transaction this context did not open itself.
    public func publish<Event: DomainEvent>(_ event: Event, on db: any Database) async throws {
        try await events.publish(event, on: db, application: application, requestId: origin.requestId)
    }

    /// Queues a durable job on this context's database, due now unless `runAt` says otherwise.
    @discardableResult
    public func enqueue<Payload: Encodable>(
        _ name: String, payload: Payload, runAt: Date? = nil, maxAttempts: Int = 8, sensitive: Bool = false
    ) async throws -> UUID {
        try await jobs.enqueue(
            name, payload: payload, runAt: runAt ?? now, maxAttempts: maxAttempts, sensitive: sensitive, on: db)
    }
}
