import Foundation

/// A channel name of the real-time contract: `delivery:{id}` (a delivery's parties and admins), `user:{id}`
/// (a member's own channel), `admins` (every admin). Modules add kinds by registering an authorizer for their
/// prefix.
public struct RealtimeChannel: Sendable, Hashable, CustomStringConvertible {
    /// The part before the colon: `delivery`, `user`, `admins`.
    public var kind: String
    /// The part after it, nil for a channel without one (`admins`).
    public var key: String?

    public init(kind: String, key: String?) {
        self.kind = kind
        self.key = key
    }

    /// Parses `kind:key`; nil for anything that is not a channel name (empty, over 100 characters, odd
    /// characters).
    public init?(_ name: String) {
        guard !name.isEmpty, name.count <= 100,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" || $0 == "_") })
        else { return nil }
        let parts = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, !first.contains(":") else { return nil }
        kind = String(first)
        key = parts.count > 1 ? String(parts[1]) : nil
        if key?.isEmpty == true || key?.contains(":") == true { return nil }
    }

    public var description: String { key.map { "\(kind):\($0)" } ?? kind }

    /// A delivery's channel: its positions, fences, ETA and status changes.
    public static func delivery(_ id: UUID) -> RealtimeChannel {
        RealtimeChannel(kind: "delivery", key: id.uuidString.lowercased())
    }

    /// A member's own channel.
    public static func user(_ id: UUID) -> RealtimeChannel {
        RealtimeChannel(kind: "user", key: id.uuidString.lowercased())
    }

    /// Every admin: emergencies and other operations alerts.
    public static let admins = RealtimeChannel(kind: "admins", key: nil)

    /// The internal channel a session's sockets listen on to hear that the session ended (never subscribable).
    static func session(_ id: UUID) -> RealtimeChannel {
        RealtimeChannel(kind: "session", key: id.uuidString.lowercased())
    }

    /// The key as a UUID, for `delivery:` and `user:` channels.
    public var uuidKey: UUID? { key.flatMap(UUID.init(uuidString:)) }
}
