import Fluent
import Foundation
import SQLKit

/// One row of the `background_jobs` durable queue.
public final class BackgroundJobRecord: Model, @unchecked Sendable {
    public static let schema = "background_jobs"

    /// Where a job is in its life.
    public enum Status: String, Codable, Sendable {
        case pending, running, completed, dead
    }

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "name") public var name: String
    @Field(key: "payload") public var payload: String
    @Enum(key: "status") public var status: Status
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "max_attempts") public var maxAttempts: Int
    @Field(key: "run_at") public var runAt: Date
    @OptionalField(key: "locked_at") public var lockedAt: Date?
    @OptionalField(key: "locked_by") public var lockedBy: String?
    @OptionalField(key: "last_error") public var lastError: String?
    @OptionalField(key: "completed_at") public var completedAt: Date?
    /// Payloads holding secrets (e-mails with codes) are blanked once the job is done.
    @Field(key: "sensitive") public var sensitive: Bool

    public init() {}

    public init(name: String, payload: String, runAt: Date, maxAttempts: Int, sensitive: Bool) {
        self.name = name
        self.payload = payload
        self.status = .pending
        self.attempts = 0
        self.maxAttempts = maxAttempts
        self.runAt = runAt
        self.sensitive = sensitive
    }
}

extension BackgroundJobRecord {
    /// Writes a new job with one SQL insert: publishing an event queues one per after-commit subscriber, and
    /// Fluent's reflective `create` costs several times the insert itself.
    func insert(on db: any Database) async throws {
        let id = self.id ?? UUID()
        let now = Date()
        try await db.sqlDatabase.raw(
            """
            INSERT INTO background_jobs (id, created_at, updated_at, name, payload, status, attempts, max_attempts,
                run_at, locked_at, locked_by, last_error, completed_at, sensitive)
            VALUES (\(bind: id), \(bind: now), \(bind: now), \(bind: name), \(bind: payload), \(bind: status.rawValue),
                \(bind: attempts), \(bind: maxAttempts), \(bind: runAt), \(bind: lockedAt), \(bind: lockedBy),
                \(bind: lastError), \(bind: completedAt), \(bind: sensitive))
            """
        ).run()
        self.id = id
        createdAt = now
        updatedAt = now
        $id.exists = true
    }
}
