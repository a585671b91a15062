import Foundation

/// What a client sends on the real-time socket.
struct RealtimeClientMessage: Decodable, Sendable {
    /// `auth`, `subscribe`, `unsubscribe` or `ping`.
    var type: String
    var token: String?
    var channel: String?
    /// The last cursor the client received on `channel`, to resume from.
    var cursor: String?
}

/// The control frames the server sends besides channel messages.
enum RealtimeReply {
    static func authenticated(userId: UUID, expiresAt: Date) -> String {
        #"{"type":"authenticated","userId":""# + userId.uuidString.lowercased() + #"","expiresAt":""#
            + ISO8601DateFormatter.realtime.string(from: expiresAt) + #""}"#
    }

    static func subscribed(_ channel: String, replayed: Int, gap: Bool) -> String {
        #"{"type":"subscribed","channel":"# + RealtimeMessage.quoted(channel)
            + #","replayed":\#(replayed),"gap":\#(gap)}"#
    }

    static func unsubscribed(_ channel: String) -> String {
        #"{"type":"unsubscribed","channel":"# + RealtimeMessage.quoted(channel) + "}"
    }

    static let pong = #"{"type":"pong"}"#

    static func error(_ code: String, _ message: String, channel: String? = nil) -> String {
        var text =
            #"{"type":"error","code":"# + RealtimeMessage.quoted(code) + #","message":"#
            + RealtimeMessage.quoted(message)
        if let channel { text += #","channel":"# + RealtimeMessage.quoted(channel) }
        return text + "}"
    }
}
