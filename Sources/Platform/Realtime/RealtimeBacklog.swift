import Fluent
import Foundation
import SQLKit

/// The bounded backlog of real-time messages (`realtime_messages`): written in the transaction of the change a
/// message announces, read by a client that resumes from a cursor, trimmed by the hourly purge.
public enum RealtimeBacklog {
    /// How many missed messages one resume replays per channel; a client further behind is told to reload.
    public static let replayLimit = 500

    /// Writes `message` and returns it with its cursor.
    static func append(
        channel: RealtimeChannel, type: String, data: String, at date: Date, on db: any Database
    ) async throws -> RealtimeMessage {
        let sql = try db.sqlDatabase
        let row = try await sql.insert(into: "realtime_messages")
            .columns("channel", "type", "data", "created_at")
            .values(SQLBind(channel.description), SQLBind(type), SQLBind(data), SQLBind(date))
            .returning("id")
            .first()
        guard let row else {
            throw APIError(
                .internalServerError, code: "REALTIME_BACKLOG", reason: "The real-time backlog returned no id")
        }
        let id = try row.decode(column: "id", as: Int64.self)
        return RealtimeMessage(cursor: id, channel: channel.description, type: type, data: data, occurredAt: date)
    }

    /// Messages of `channels` after `cursor`, oldest first, at most `limit`.
    static func messages(
        in channels: [String], after cursor: Int64, limit: Int, on db: any Database
    ) async throws -> [RealtimeMessage] {
        guard !channels.isEmpty else { return [] }
        let rows = try await db.sqlDatabase.select()
            .columns("id", "channel", "type", "data", "created_at")
            .from("realtime_messages")
            .where("channel", .in, channels)
            .where("id", .greaterThan, cursor)
            .orderBy("id")
            .limit(limit)
            .all()
        return try rows.map(message)
    }

    /// Every message after `cursor`, oldest first: a hub's catch-up feed.
    public static func messages(after cursor: Int64, limit: Int, on db: any Database) async throws -> [RealtimeMessage]
    {
        let rows = try await db.sqlDatabase.select()
            .columns("id", "channel", "type", "data", "created_at")
            .from("realtime_messages")
            .where("id", .greaterThan, cursor)
            .orderBy("id")
            .limit(limit)
            .all()
        return try rows.map(message)
    }

    /// The newest cursor, 0 for an empty backlog.
    public static func latestCursor(on db: any Database) async throws -> Int64 {
        let row = try await db.sqlDatabase.select().column(SQLFunction("MAX", args: SQLColumn("id")), as: "last")
            .from("realtime_messages").first()
        return try row?.decodeNil(column: "last") == false ? row?.decode(column: "last", as: Int64.self) ?? 0 : 0
    }

    /// The oldest cursor still kept, nil for an empty backlog.
    static func oldestCursor(on db: any Database) async throws -> Int64? {
        let row = try await db.sqlDatabase.select().column(SQLFunction("MIN", args: SQLColumn("id")), as: "first")
            .from("realtime_messages").first()
        guard let row, try !row.decodeNil(column: "first") else { return nil }
        return try row.decode(column: "first", as: Int64.self)
    }

    /// The message with `cursor`, nil when it is not (or no longer) kept.
    public static func message(_ cursor: Int64, on db: any Database) async throws -> RealtimeMessage? {
        let row = try await db.sqlDatabase.select()
            .columns("id", "channel", "type", "data", "created_at")
            .from("realtime_messages")
            .where("id", .equal, cursor)
            .first()
        return try row.map(message)
    }

    /// Drops messages older than `date`.
    public static func purge(before date: Date, on db: any Database) async throws {
        try await db.sqlDatabase.delete(from: "realtime_messages").where("created_at", .lessThan, SQLBind(date)).run()
    }

    private static func message(_ row: any SQLRow) throws -> RealtimeMessage {
        RealtimeMessage(
            cursor: try row.decode(column: "id", as: Int64.self),
            channel: try row.decode(column: "channel", as: String.self),
            type: try row.decode(column: "type", as: String.self),
            data: try row.decode(column: "data", as: String.self),
            occurredAt: try row.decode(column: "created_at", as: Date.self))
    }
}
