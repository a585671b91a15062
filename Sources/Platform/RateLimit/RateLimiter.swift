import Fluent
import SQLKit
import Vapor

/// Fixed-window counters kept in the database, so every node behind a load balancer sees the same counts.
public struct RateLimiter: Sendable {
    /// The outcome of counting one hit.
    public struct Decision: Sendable {
        public var allowed: Bool
        public var count: Int
        public var retryAfter: Int
    }

    public let db: any Database
    public let clock: any AppClock

    public init(db: any Database, clock: any AppClock) {
        self.db = db
        self.clock = clock
    }

    /// Counts one hit on `key` and says whether it is within `limit` per `window` seconds.
    public func hit(_ key: String, limit: Int, window: Int) async throws -> Decision {
        let count = try await increment(key, window: window)
        return decision(count: count, limit: limit, window: window)
    }

    /// Reads the current window's count without adding to it.
    public func peek(_ key: String, limit: Int, window: Int) async throws -> Decision {
        let (start, _) = bounds(window: window)
        let rows = try await (try sql).raw(
            """
            SELECT hits FROM rate_limit_counters WHERE bucket = \(bind: key) AND window_start = \(bind: start)
            """
        ).all()
        let count = try rows.first?.decode(column: "hits", as: Int.self) ?? 0
        return Decision(allowed: count < limit, count: count, retryAfter: retryAfter(window: window))
    }

    /// Forgets `key` in the current window (a successful login clears its failure count).
    public func reset(_ key: String, window: Int) async throws {
        let (start, _) = bounds(window: window)
        try await (try sql).raw(
            """
            DELETE FROM rate_limit_counters WHERE bucket = \(bind: key) AND window_start = \(bind: start)
            """
        ).run()
    }

    /// Removes windows that have ended (run by a recurring task).
    public func purgeExpired() async throws {
        try await (try sql).raw("DELETE FROM rate_limit_counters WHERE expires_at < \(bind: clock.now())").run()
    }

    private var sql: any SQLDatabase {
        get throws { try db.sqlDatabase }
    }

    private func increment(_ key: String, window: Int) async throws -> Int {
        let (start, end) = bounds(window: window)
        let row = try await (try sql).raw(
            """
            INSERT INTO rate_limit_counters (bucket, window_start, hits, expires_at)
            VALUES (\(bind: key), \(bind: start), 1, \(bind: end))
            ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1
            RETURNING hits
            """
        ).first()
        return try row?.decode(column: "hits", as: Int.self) ?? 1
    }

    private func bounds(window: Int) -> (start: Int, end: Date) {
        let now = Int(clock.now().timeIntervalSince1970)
        let start = now - now % window
        return (start, Date(timeIntervalSince1970: TimeInterval(start + window)))
    }

    private func retryAfter(window: Int) -> Int {
        let now = Int(clock.now().timeIntervalSince1970)
        return window - now % window
    }

    private func decision(count: Int, limit: Int, window: Int) -> Decision {
        Decision(allowed: count <= limit, count: count, retryAfter: retryAfter(window: window))
    }
}

extension Request {
    /// A rate limiter on the application database and clock.
    public var rateLimiter: RateLimiter {
        RateLimiter(db: application.db, clock: application.clock)
    }
}
