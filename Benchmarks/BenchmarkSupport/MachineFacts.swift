import Fluent
import Foundation
import Platform
import SQLKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the figures depend on besides the code: cores, kernel, load, and the database's version and the
/// settings that decide what a commit costs.
public struct MachineFacts: Encodable, Sendable {
    public var cores: Int
    public var kernel: String
    public var loadAverageAtStart: Double
    public var database: String
    /// `synchronous_commit` and `fsync` (PostgreSQL), `journal_mode` and `synchronous` (SQLite).
    public var durability: [String: String]

    /// Without a database (`--qr-only`).
    public static var processorOnly: MachineFacts {
        MachineFacts(
            cores: ProcessInfo.processInfo.activeProcessorCount, kernel: kernelRelease,
            loadAverageAtStart: loadAverage, database: "none", durability: [:])
    }

    /// The facts of `db`: its version, and the settings that decide what a commit costs (on PostgreSQL
    /// `synchronous_commit`, `fsync`, `wal_sync_method` and `postgresSettings`).
    public static func gather(
        store: BenchmarkDatabase, db: any Database, postgresSettings: [String] = ["commit_delay", "shared_buffers"]
    ) async throws -> MachineFacts {
        let sql = try db.sqlDatabase
        var durability: [String: String] = [:]
        let database: String
        switch store {
        case .postgres:
            database = "PostgreSQL " + (try await text("SHOW server_version", on: sql))
            for setting in ["synchronous_commit", "fsync", "wal_sync_method"] + postgresSettings {
                durability[setting] = try await text("SHOW \(setting)", on: sql)
            }
        case .sqlite:
            database = "SQLite " + (try await text("SELECT sqlite_version()", on: sql))
            durability["journal_mode"] = try await text("PRAGMA journal_mode", on: sql)
            // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
            durability["synchronous"] = try await text("PRAGMA synchronous", on: sql)
        }
        var facts = processorOnly
        facts.database = database
        facts.durability = durability
        return facts
    }

    public var line: String {
        let settings = durability.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "\(database)\(settings.isEmpty ? "" : " (\(settings.joined(separator: ", ")))"), \(cores) cores, "
            + "kernel \(kernel), load \(loadAverageAtStart) at start"
    }

    /// The first column of the first row, as text whatever its type.
    private static func text(_ query: String, on sql: any SQLDatabase) async throws -> String {
        guard let row = try await sql.raw(SQLQueryString(query)).first(), let column = row.allColumns.first else {
            return "?"
        }
        if let value = try? row.decode(column: column, as: String.self) { return value }
        if let value = try? row.decode(column: column, as: Int.self) { return String(value) }
        return "?"
    }

    /// `uname -r`.
    public static var kernelRelease: String {
        var names = utsname()
        uname(&names)
        return withUnsafeBytes(of: &names.release) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// The 1-minute load average (/proc/loadavg); 0 where /proc is missing.
    public static var loadAverage: Double {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return 0 }
        return text.split(separator: " ").first.flatMap { Double($0) } ?? 0
    }
}
