import Foundation
import NIOConcurrencyHelpers
import Vapor

/// One client of the real-time channel, whatever carries it: authentication, subscriptions, resume from a
/// cursor without loss or repeat, and closing when the access token expires or its session ends.
///
/// Messages arrive from the hub on any thread; everything the session knows sits behind one lock, and frames
/// are handed to the transport under it so they leave in order.
public final class RealtimeSession: RealtimeSubscriber, @unchecked Sendable {
    /// Most channels one connection may hold.
    static let maximumSubscriptions = 50

    private struct Subscription {
        /// The last cursor sent on the channel; later messages only.
        var lastCursor: Int64 = 0
        /// Live messages that arrived while the backlog was being replayed, sent after it.
        var held: [RealtimeMessage]? = []
    }

    private struct State {
        var principal: Principal?
        var subscriptions: [String: Subscription] = [:]
        var closed = false
    }

    private let lock = NIOLock()
    private var state = State()
    private let application: Application
    private let transport: any RealtimeTransport
    private let origin: CallOrigin

    public init(
        application: Application, transport: any RealtimeTransport, principal: Principal?, origin: CallOrigin
    ) {
        self.application = application
        self.transport = transport
        self.origin = origin
        if let principal { adopt(principal) }
    }

    private var realtime: Realtime { application.realtime }

    /// Whether the client has authenticated (by header or `auth` message).
    public var isAuthenticated: Bool { lock.withLock { state.principal != nil } }

    /// Handles one text frame from the client.
    public func handle(text: String) async {
        guard let message = try? JSONDecoder().decode(RealtimeClientMessage.self, from: Data(text.utf8)) else {
            return send(RealtimeReply.error("BAD_MESSAGE", "A message is a JSON object with a type"))
        }
        switch message.type {
        case "auth": await authenticate(message.token)
        case "subscribe": await subscribe(message.channel, cursor: message.cursor)
        case "unsubscribe": unsubscribe(message.channel)
        case "ping": send(RealtimeReply.pong)
        default: send(RealtimeReply.error("BAD_MESSAGE", "Unknown message type \(message.type)"))
        }
    }

    /// Called on every heartbeat: a token that has expired since the last one ends the connection.
    public func heartbeat() {
        _ = checkExpiry()
    }

    /// The transport closed: leave every channel.
    public func closed() {
        let channels = lock.withLock {
            state.closed = true
            return Array(state.subscriptions.keys) + (state.principal.map { [sessionChannel($0)] } ?? [])
        }
        for channel in channels { realtime.subscribers.remove(self, from: channel) }
    }

    // RealtimeSubscriber

    public func receive(_ message: RealtimeMessage) {
        if message.type == "session.ended" {
            return end(code: "SESSION_REVOKED", "The session was signed out")
        }
        guard checkExpiry() else { return }
        lock.withLock {
            guard !state.closed, var subscription = state.subscriptions[message.channel] else { return }
            if subscription.held != nil {
                subscription.held?.append(message)
            } else if let cursor = message.cursor {
                guard cursor > subscription.lastCursor else { return }
                subscription.lastCursor = cursor
                transport.send(message.wireText)
            } else {
                transport.send(message.wireText)
            }
            state.subscriptions[message.channel] = subscription
        }
    }

    // Client messages

    private func authenticate(_ token: String?) async {
        guard let token, let verifier = application.accessTokenVerifier else {
            return send(RealtimeReply.error("UNAUTHORIZED", "auth needs the access token"))
        }
        let context = application.callContext(origin: origin)
        do {
            let principal = try await verifier.verify(token, context: context)
            let current = lock.withLock { state.principal }
            if let current, current.userId != principal.userId {
                return send(RealtimeReply.error("FORBIDDEN", "This connection belongs to another member"))
            }
            if let current { realtime.subscribers.remove(self, from: sessionChannel(current)) }
            adopt(principal)
            send(RealtimeReply.authenticated(userId: principal.userId, expiresAt: principal.expiresAt))
        } catch let error as any CodedError {
            send(RealtimeReply.error(error.code, error.reason))
            if lock.withLock({ state.principal == nil }) { close(.policyViolation) }
        } catch {
            send(RealtimeReply.error("UNAUTHORIZED", "The token could not be verified"))
        }
    }

    private func subscribe(_ name: String?, cursor: String?) async {
        guard let principal = lock.withLock({ state.principal }) else {
            return send(RealtimeReply.error("UNAUTHORIZED", "Send auth with the access token first"))
        }
        guard let name, let channel = RealtimeChannel(name).map(Self.canonical), channel.kind != "session" else {
            return send(RealtimeReply.error("BAD_MESSAGE", "subscribe needs a channel such as delivery:{id}"))
        }
        let key = channel.description
        let resumeFrom: Int64?
        if let cursor {
            guard let value = Int64(cursor), value >= 0 else {
                return send(
                    RealtimeReply.error("BAD_MESSAGE", "cursor is the cursor of a received message", channel: key))
            }
            resumeFrom = value
        } else {
            resumeFrom = nil
        }
        let context = application.callContext(principal: principal, origin: origin)
        let allowed = (try? await realtime.authorizers.allows(channel, for: principal, context: context)) ?? false
        guard allowed else {
            return send(RealtimeReply.error("FORBIDDEN", "You may not subscribe to \(key)", channel: key))
        }
        let accepted = lock.withLock { () -> Bool in
            guard !state.closed else { return false }
            if state.subscriptions[key] == nil, state.subscriptions.count >= Self.maximumSubscriptions { return false }
            state.subscriptions[key] = Subscription(lastCursor: resumeFrom ?? 0, held: [])
            return true
        }
        guard accepted else {
            return send(RealtimeReply.error("TOO_MANY_SUBSCRIPTIONS", "At most \(Self.maximumSubscriptions) channels"))
        }
        realtime.subscribers.add(self, to: key)
        await replay(key, after: resumeFrom)
    }

    /// Sends `subscribed`, then what the client missed since `cursor`, then what arrived meanwhile.
    private func replay(_ channel: String, after cursor: Int64?) async {
        var missed: [RealtimeMessage] = []
        var gap = false
        if let cursor {
            do {
                let limit = RealtimeBacklog.replayLimit
                missed = try await RealtimeBacklog.messages(
                    in: [channel], after: cursor, limit: limit + 1, on: application.db)
                if missed.count > limit {
                    missed = Array(missed.suffix(limit))
                    gap = true
                }
                // Messages past the cursor were purged (possibly some of this channel's): the client must reload.
                if cursor > 0, let oldest = try await RealtimeBacklog.oldestCursor(on: application.db),
                    oldest > cursor + 1
                {
                    gap = true
                }
            } catch {
                application.logger.warning("real-time replay failed: \(String(reflecting: error))")
                gap = true
            }
        }
        lock.withLock {
            guard !state.closed, var subscription = state.subscriptions[channel] else { return }
            transport.send(RealtimeReply.subscribed(channel, replayed: missed.count, gap: gap))
            for message in missed + (subscription.held ?? []) {
                guard let cursor = message.cursor else {
                    transport.send(message.wireText)
                    continue
                }
                guard cursor > subscription.lastCursor else { continue }
                subscription.lastCursor = cursor
                transport.send(message.wireText)
            }
            subscription.held = nil
            state.subscriptions[channel] = subscription
        }
    }

    private func unsubscribe(_ name: String?) {
        guard let name, let channel = RealtimeChannel(name).map(Self.canonical) else {
            return send(RealtimeReply.error("BAD_MESSAGE", "unsubscribe needs a channel"))
        }
        let key = channel.description
        lock.withLock { _ = state.subscriptions.removeValue(forKey: key) }
        realtime.subscribers.remove(self, from: key)
        send(RealtimeReply.unsubscribed(key))
    }

    // Lifetime

    private func adopt(_ principal: Principal) {
        lock.withLock { state.principal = principal }
        realtime.subscribers.add(self, to: sessionChannel(principal))
    }

    /// False (and the connection ends) once the token has expired.
    private func checkExpiry() -> Bool {
        guard let principal = lock.withLock({ state.principal }) else { return true }
        guard application.clock.now() >= principal.expiresAt else { return true }
        end(code: "TOKEN_EXPIRED", "The access token expired: refresh it and reconnect")
        return false
    }

    private func end(code: String, _ reason: String) {
        let first = lock.withLock { () -> Bool in
            guard !state.closed else { return false }
            state.closed = true
            transport.send(RealtimeReply.error(code, reason))
            return true
        }
        if first { transport.close(code: .authenticationEnded) }
    }

    private func close(_ code: RealtimeCloseCode) {
        lock.withLock { state.closed = true }
        transport.close(code: code)
    }

    private func send(_ text: String) {
        lock.withLock {
            guard !state.closed else { return }
            transport.send(text)
        }
    }

    private func sessionChannel(_ principal: Principal) -> String {
        RealtimeChannel.session(principal.sessionId).description
    }

    /// Ids in `delivery:` and `user:` channels are lowercase UUIDs, however the client wrote them.
    static func canonical(_ channel: RealtimeChannel) -> RealtimeChannel {
        guard let id = channel.uuidKey else { return channel }
        return RealtimeChannel(kind: channel.kind, key: id.uuidString.lowercased())
    }
}
