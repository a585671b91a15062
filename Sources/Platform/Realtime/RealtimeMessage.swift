import Foundation

/// One message of the real-time channel: what happened (`type`), where it is published (`channel`), its body
/// and its place in the channel's backlog (`cursor`), which a client that reconnects sends back to get what it
/// missed.
public struct RealtimeMessage: Sendable, Equatable {
    /// The backlog row's id; nil for transient messages (a closing session), which are never replayed.
    public var cursor: Int64?
    public var channel: String
    public var type: String
    /// The body as a JSON object, already encoded: it is written once and sent to every subscriber as is.
    public var data: String
    public var occurredAt: Date

    public init(cursor: Int64?, channel: String, type: String, data: String, occurredAt: Date) {
        self.cursor = cursor
        self.channel = channel
        self.type = type
        self.data = data
        self.occurredAt = occurredAt
    }

    /// The frame a subscriber receives:
    /// `{"type":…,"channel":…,"data":{…},"cursor":"…","occurredAt":"…"}`.
    public var wireText: String {
        var text = #"{"type":"# + Self.quoted(type) + #","channel":"# + Self.quoted(channel) + #","data":"# + data
        if let cursor { text += #","cursor":""# + String(cursor) + #"""# }
        text += #","occurredAt":""# + ISO8601DateFormatter.realtime.string(from: occurredAt) + #""}"#
        return text
    }

    /// Encodes a string as a JSON string literal.
    static func quoted(_ string: String) -> String {
        let data = (try? JSONEncoder().encode(string)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension ISO8601DateFormatter {
    /// Shared formatter for message timestamps (the formatter is thread-safe once configured).
    nonisolated(unsafe) static let realtime = ISO8601DateFormatter()
}
