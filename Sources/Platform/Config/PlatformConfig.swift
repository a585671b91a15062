import Foundation
import Vapor

/// Settings read once from the environment (12-factor); every variable is listed in the README.
public struct PlatformConfig: Sendable {
    /// Where the SQLite file, uploads, generated keys and outgoing mail live.
    public var dataDirectory: URL
    /// `postgres://…` to run on PostgreSQL; nil means SQLite in the data directory.
    public var databaseURL: String?
    /// `file` (one `.eml` per message) or `smtp://user:pass@host:port`.
    public var mailTransport: String
    /// PostgreSQL schema (search path) to use; lets several installations or test runs share one server.
    public var databaseSchema: String?
    /// Sender address of outgoing mail.
    public var mailFrom: String
    /// bcrypt cost; lower only in tests.
    public var bcryptCost: Int
    /// Run due background jobs in this process.
    public var runsWorkers: Bool
    /// Seconds between worker polls.
    public var workerPollInterval: Double
    /// PostgreSQL connections per event loop (one loop per core): the node's pool is this times the cores.
    public var databasePoolSize: Int
    /// Seconds a request waits for SQLite's writer turn or a PostgreSQL connection before it is answered 503
    /// `DATABASE_BUSY`. Tests set it out of reach: they must not depend on how fast the machine is.
    public var databaseBusyTimeout: Double
    /// Proxies (IP addresses or CIDR ranges) whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed.
    public var trustedProxies: [String]
    /// Browser origins (`https://app.example.com`) allowed to call the API cross-origin.
    public var corsOrigins: [String]
    /// The address members reach the platform at, for absolute links; nil means `PublicAddress.fallback`.
    public var publicURL: String?
    /// Seconds a keep-alive connection may sit without traffic before the server closes it; 0 never closes.
    public var idleTimeoutSeconds: Double
    /// Seconds between pings of a real-time socket; one that has not answered by the next ping is closed.
    public var realtimePingInterval: Double
    /// Seconds a socket without an `Authorization` header has to send its `auth` message.
    public var realtimeAuthTimeout: Double
    /// Hours the real-time backlog keeps messages for clients that resume.
    public var realtimeBacklogHours: Double

    public init(
        dataDirectory: URL,
        databaseURL: String? = nil,
        databaseSchema: String? = nil,
        mailTransport: String = "file",
        mailFrom: String = "P2P Delivery <no-reply@p2p.local>",
        bcryptCost: Int = 12,
        runsWorkers: Bool = true,
        workerPollInterval: Double = 1,
        databasePoolSize: Int = 4,
        databaseBusyTimeout: Double = 30,
        trustedProxies: [String] = [],
        corsOrigins: [String] = [],
        publicURL: String? = nil,
        idleTimeoutSeconds: Double = 75,
        realtimePingInterval: Double = 30,
        realtimeAuthTimeout: Double = 10,
        realtimeBacklogHours: Double = 24
    ) {
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.databaseSchema = databaseSchema
        self.mailTransport = mailTransport
        self.mailFrom = mailFrom
        self.bcryptCost = bcryptCost
        self.runsWorkers = runsWorkers
        self.workerPollInterval = workerPollInterval
        self.databasePoolSize = max(1, databasePoolSize)
        self.databaseBusyTimeout = max(0.001, databaseBusyTimeout)
        self.trustedProxies = trustedProxies
        self.corsOrigins = corsOrigins
        self.publicURL = publicURL
        self.idleTimeoutSeconds = max(0, idleTimeoutSeconds)
        self.realtimePingInterval = max(0.05, realtimePingInterval)
        self.realtimeAuthTimeout = max(0.05, realtimeAuthTimeout)
        self.realtimeBacklogHours = max(0.01, realtimeBacklogHours)
    }

    /// Reads the process environment.
    public static func fromEnvironment() -> PlatformConfig {
        let env = ProcessInfo.processInfo.environment
        let dataDir = env["P2P_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        return PlatformConfig(
            dataDirectory: URL(fileURLWithPath: dataDir, isDirectory: true).standardizedFileURL,
            databaseURL: env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 },
            databaseSchema: env["DATABASE_SCHEMA"].flatMap { $0.isEmpty ? nil : $0 },
            mailTransport: env["MAIL_TRANSPORT"] ?? "file",
            mailFrom: env["MAIL_FROM"] ?? "P2P Delivery <no-reply@p2p.local>",
            bcryptCost: env["BCRYPT_COST"].flatMap(Int.init) ?? 12,
            runsWorkers: env["P2P_WORKERS"].map { $0 != "0" && $0.lowercased() != "false" } ?? true,
            workerPollInterval: env["P2P_WORKER_POLL_SECONDS"].flatMap(Double.init) ?? 1,
            databasePoolSize: env["DATABASE_POOL_SIZE"].flatMap(Int.init) ?? 4,
            databaseBusyTimeout: env["DATABASE_BUSY_TIMEOUT_SECONDS"].flatMap(Double.init) ?? 30,
            trustedProxies: list(env["P2P_TRUSTED_PROXIES"]),
            corsOrigins: list(env["P2P_CORS_ORIGINS"]),
            publicURL: env["P2P_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 },
            idleTimeoutSeconds: env["P2P_IDLE_TIMEOUT_SECONDS"].flatMap(Double.init) ?? 75,
            realtimePingInterval: env["P2P_REALTIME_PING_SECONDS"].flatMap(Double.init) ?? 30,
            realtimeAuthTimeout: env["P2P_REALTIME_AUTH_SECONDS"].flatMap(Double.init) ?? 10,
            realtimeBacklogHours: env["P2P_REALTIME_BACKLOG_HOURS"].flatMap(Double.init) ?? 24
        )
    }

    /// A comma-separated variable as its non-empty, trimmed entries.
    private static func list(_ value: String?) -> [String] {
        (value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The SQLite database file, used when `databaseURL` is nil.
    public var sqliteFile: URL {
        dataDirectory.appendingPathComponent("p2p.sqlite")
    }

    /// A sub-directory of the data directory, created on first use.
    public func directory(_ name: String) throws -> URL {
        let url = dataDirectory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Application {
    private struct PlatformConfigKey: StorageKey {
        typealias Value = PlatformConfig
    }

    /// The platform configuration; set once in `configure`.
    public var platformConfig: PlatformConfig {
        get {
            guard let config = storage[PlatformConfigKey.self] else {
                fatalError("platformConfig read before configure(_:) set it")
            }
            return config
        }
        set { storage[PlatformConfigKey.self] = newValue }
    }
}
