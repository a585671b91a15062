import Fluent
import Foundation
import Vapor

/// Carries committed real-time messages to the subscribers of every node.
///
/// The message is already in the backlog, written in the transaction of the change it announces; the hub's
/// job is that every node's `RealtimeSubscribers` see it once that transaction commits, and never when it
/// rolls back. `InProcessRealtimeHub` serves one node (the SQLite default); the PostgreSQL hub, in `App`,
/// uses `LISTEN/NOTIFY` so that several nodes on one database share one stream.
public protocol RealtimeHub: Sendable {
    /// Starts delivering to `subscribers`.
    func start(delivering subscribers: RealtimeSubscribers, application: Application) async throws
    /// Called in the transaction (or autocommit) that wrote `message` to the backlog.
    func announce(_ message: RealtimeMessage, on db: any Database) async throws
    /// Sends a message kept nowhere (a session that ended) to every node now.
    func broadcast(_ message: RealtimeMessage, application: Application) async throws
    func shutdown() async
}
