import Foundation

/// How a hub between nodes carries a message: whole when it is small, by its cursor otherwise (each node then
/// reads it from the backlog). The payload is JSON: `{"m":{cursor, channel, type, data, at}}` or `{"ref":cursor}`.
public enum RealtimeNotice: Sendable, Equatable {
    case inline(RealtimeMessage)
    case reference(Int64)

    private struct Wire: Codable {
        var ref: Int64?
        var cursor: Int64?
        var channel: String?
        var type: String?
        var data: String?
        var at: Double?
    }

    /// The payload announcing `message`, inline unless it is longer than `inlineLimit` bytes.
    public static func payload(for message: RealtimeMessage, inlineLimit: Int) throws -> String {
        let inline = Wire(
            cursor: message.cursor, channel: message.channel, type: message.type, data: message.data,
            at: message.occurredAt.timeIntervalSince1970)
        let text = String(decoding: try JSONEncoder().encode(inline), as: UTF8.self)
        guard text.utf8.count > inlineLimit, let cursor = message.cursor else { return text }
        return String(decoding: try JSONEncoder().encode(Wire(ref: cursor)), as: UTF8.self)
    }

    /// Reads a payload; nil for one this version does not understand.
    public init?(payload: String) {
        guard let wire = try? JSONDecoder().decode(Wire.self, from: Data(payload.utf8)) else { return nil }
        if let ref = wire.ref {
            self = .reference(ref)
            return
        }
        guard let channel = wire.channel, let type = wire.type, let data = wire.data, let at = wire.at else {
            return nil
        }
        self = .inline(
            RealtimeMessage(
                cursor: wire.cursor, channel: channel, type: type, data: data,
                occurredAt: Date(timeIntervalSince1970: at)))
    }
}
