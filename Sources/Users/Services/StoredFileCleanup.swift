import Fluent
import Foundation
import Platform
import Vapor

/// Deletes stored files after the change that orphaned them committed. Deleting inside the transaction
/// would lose the file if the change then rolled back; a queued job exists only if it commits.
enum StoredFileCleanup {
    static let jobName = "users.delete-stored-files"

    struct Payload: Codable, Sendable {
        var keys: [String]
    }

    static func registerJob(on app: Application) {
        app.jobs.register(jobName, payload: Payload.self) { payload, context in
            for key in payload.keys {
                try await context.application.fileStore.delete(key)
            }
        }
    }

    /// Queues deletion of `keys` on the context's database, in the caller's transaction.
    static func enqueue(_ keys: [String], context: CallContext) async throws {
        guard !keys.isEmpty else { return }
        try await context.enqueue(jobName, payload: Payload(keys: keys))
    }
}
