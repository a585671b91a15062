import Fluent
import Vapor

/// A module of the modular monolith: its tables, services, subscriptions, jobs and routes.
public protocol PlatformModule: Sendable {
    /// Short name used in logs and `--modules` (`auth`, `users`).
    var name: String { get }
    /// The module's migrations, in order.
    var migrations: [any Migration] { get }
    /// Installs services, event subscriptions, jobs and personal-data sections.
    func boot(_ app: Application) async throws
    /// Registers the module's routes; API routes go under `/api/v1`.
    func routes(_ root: any RoutesBuilder) throws
}

/// The Platform module itself: outbox, jobs, idempotency, audit and rate-limit tables and their upkeep.
public struct PlatformKernel: PlatformModule {
    public init() {}

    public var name: String { "platform" }

    public var migrations: [any Migration] {
        [
            CreateDomainEvents(),  // outbox
            CreateBackgroundJobs(),  // job queue, and the delivery half of the outbox
            CreateScheduledTasks(),
            CreateIdempotencyKeys(),
            CreateAuditLogs(),
            CreateRateLimitCounters(),
        ]
    }

    /// The real-time backlog came after the kernel shipped, so it runs among the later migrations.
    public static var realtimeMigration: any Migration { CreateRealtimeMessages() }

    public func boot(_ app: Application) async throws {
        Mailer.registerJob(on: app)
        SMSOutbox.registerJob(on: app)
        app.jobs.register(EventDeliveryJob.name, payload: EventDeliveryJob.Payload.self) { payload, context in
            try await context.application.events.deliver(
                eventId: payload.eventId, subscriber: payload.subscriber, db: context.db,
                application: context.application)
        }
        app.jobs.schedule(
            RecurringTask(name: "platform.purge-expired", every: 3600) { context in
                let now = context.application.clock.now()
                try await RateLimiter(db: context.db, clock: context.application.clock).purgeExpired()
                try await IdempotencyRecord.query(on: context.db).filter(\.$expiresAt < now).delete()
                try await BackgroundJobRecord.query(on: context.db)
                    .filter(\.$status == .completed)
                    .filter(\.$completedAt < now.addingTimeInterval(-7 * 24 * 3600))
                    .delete()
                let backlog = context.application.platformConfig.realtimeBacklogHours * 3600
                try await RealtimeBacklog.purge(before: now.addingTimeInterval(-backlog), on: context.db)
            })
    }

    public func routes(_ root: any RoutesBuilder) throws {
        try root.grouped("api", "v1").register(collection: RealtimeSocketController())
    }
}
