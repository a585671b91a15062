import Fluent

/// The real-time channel's backlog: what a client that reconnects with a cursor receives before the live
/// stream. Ids are the cursors, so they only grow.
public struct CreateRealtimeMessages: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("realtime_messages")
            .field("id", .int64, .identifier(auto: true))
            .field("channel", .string, .required)
            .field("type", .string, .required)
            .field("data", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.index(
            on: "realtime_messages", name: "realtime_messages_channel_idx", columns: ["channel", "id"])
        try await database.index(
            on: "realtime_messages", name: "realtime_messages_created_idx", columns: ["created_at"])
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("realtime_messages").delete()
    }
}
