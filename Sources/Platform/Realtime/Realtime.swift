import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// The application's real-time channel: the hub that carries messages between nodes, this node's subscribers,
/// the rules of who may subscribe to what, and the settings of the socket.
public final class Realtime: Sendable {
    public let subscribers = RealtimeSubscribers()
    public let authorizers = RealtimeAuthorizers()
    /// Rung by the database after each write (SQLite), for the single-node hub.
    public let wakeUp = RealtimeWakeUp()
    private let installedHub = NIOLockedValueBox<(any RealtimeHub)?>(nil)

    /// How often a socket is pinged; a socket that has not answered by the next ping is closed.
    public let pingInterval: TimeAmount
    /// How long a socket that did not authenticate with a header has to send its `auth` message.
    public let authTimeout: TimeAmount

    init(pingInterval: TimeAmount = .seconds(30), authTimeout: TimeAmount = .seconds(10)) {
        self.pingInterval = pingInterval
        self.authTimeout = authTimeout
    }

    /// The hub in use: the one installed at configuration, or the single-node one.
    public var hub: any RealtimeHub {
        installedHub.withLockedValue { hub in
            if let hub { return hub }
            let made = InProcessRealtimeHub(wakeUp: wakeUp)
            hub = made
            return made
        }
    }

    /// Installs the hub (before the application boots).
    public func use(_ hub: any RealtimeHub) {
        installedHub.withLockedValue { $0 = hub }
    }

    /// Writes a message to `channel`'s backlog on `db` (the transaction of the change it announces) and has
    /// the hub deliver it to every node once that commits.
    @discardableResult
    public func post(
        _ type: String, data: some Encodable, to channel: RealtimeChannel, at date: Date, on db: any Database
    ) async throws -> RealtimeMessage {
        let message = try await RealtimeBacklog.append(
            channel: channel, type: type, data: Self.encode(data), at: date, on: db)
        try await hub.announce(message, on: db)
        return message
    }

    /// Tells every socket of a session, on every node, that it ended (logout, revocation): they close.
    public func endSession(_ sessionId: UUID, reason: String, application: Application) async throws {
        let message = RealtimeMessage(
            cursor: nil, channel: RealtimeChannel.session(sessionId).description, type: "session.ended",
            data: #"{"reason":"# + RealtimeMessage.quoted(reason) + "}", occurredAt: application.clock.now())
        try await hub.broadcast(message, application: application)
    }

    static func encode(_ data: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(data), as: UTF8.self)
    }
}

extension Application {
    private struct RealtimeKey: StorageKey {
        typealias Value = Realtime
    }

    /// The real-time channel of this application.
    public var realtime: Realtime {
        if let realtime = storage[RealtimeKey.self] { return realtime }
        let config = platformConfig
        let realtime = Realtime(
            pingInterval: .milliseconds(Int64(config.realtimePingInterval * 1000)),
            authTimeout: .milliseconds(Int64(config.realtimeAuthTimeout * 1000)))
        storage[RealtimeKey.self] = realtime
        return realtime
    }
}

extension CallContext {
    /// Posts a real-time message in this call's transaction.
    @discardableResult
    public func post(
        _ type: String, data: some Encodable, to channel: RealtimeChannel
    ) async throws
        -> RealtimeMessage
    {
        try await application.realtime.post(type, data: data, to: channel, at: now, on: db)
    }

    /// Closes the real-time sockets of ended sessions on every node. The sessions are already revoked in the
    /// database, so a failure here only delays the close until the token's expiry or the next heartbeat.
    public func endRealtimeSessions(_ sessionIds: [UUID], reason: String) async {
        for id in sessionIds {
            do {
                try await application.realtime.endSession(id, reason: reason, application: application)
            } catch {
                logger.warning("could not close the real-time sockets of session \(id): \(String(reflecting: error))")
            }
        }
    }
}
