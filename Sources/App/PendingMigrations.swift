import Fluent
import Vapor

extension Application {
    /// Applies pending migrations and says so in one line. Fluent's own two lines per migration are at debug
    /// level (`configure` sets it): on a fresh data directory they were a hundred lines before any command's
    /// output. A failing migration is still logged by Fluent at error level, and thrown.
    func applyPendingMigrations() async throws {
        try await migrator.setupIfNeeded().get()
        let pending = try await migrator.previewPrepareBatch().get()
        guard !pending.isEmpty else { return }
        try await migrator.prepareBatch().get()
        logger.info("applied \(pending.count) database migrations")
    }
}
