import Foundation
import NIOConcurrencyHelpers

/// What receives a node's messages: one connected client (a WebSocket, an event stream).
public protocol RealtimeSubscriber: AnyObject, Sendable {
    /// Hands over one message of a channel the subscriber is registered for; must not block.
    func receive(_ message: RealtimeMessage)
}

/// This node's subscribers by channel. Every hub hands each committed message to `dispatch`, which passes it to
/// the subscribers of its channel on this node.
public final class RealtimeSubscribers: Sendable {
    private struct Entry: Sendable {
        var subscribers: [ObjectIdentifier: any RealtimeSubscriber] = [:]
    }

    private let channels = NIOLockedValueBox<[String: Entry]>([:])

    public init() {}

    func add(_ subscriber: any RealtimeSubscriber, to channel: String) {
        channels.withLockedValue {
            $0[channel, default: Entry()].subscribers[ObjectIdentifier(subscriber)] = subscriber
        }
    }

    func remove(_ subscriber: any RealtimeSubscriber, from channel: String) {
        channels.withLockedValue { channels in
            channels[channel]?.subscribers[ObjectIdentifier(subscriber)] = nil
            if channels[channel]?.subscribers.isEmpty == true { channels[channel] = nil }
        }
    }

    /// Passes `message` to every subscriber of its channel on this node.
    public func dispatch(_ message: RealtimeMessage) {
        let receivers = channels.withLockedValue { $0[message.channel].map { Array($0.subscribers.values) } ?? [] }
        for receiver in receivers { receiver.receive(message) }
    }

    /// How many subscriptions this node holds (for metrics and tests).
    public var subscriptionCount: Int {
        channels.withLockedValue { $0.values.reduce(0) { $0 + $1.subscribers.count } }
    }
}
