import Fluent
import Vapor

/// A text message to a phone number.
public struct SMSMessage: Codable, Sendable, Equatable {
    public var to: String
    public var body: String
    public var category: String

    public init(to: String, body: String, category: String) {
        self.to = to
        self.body = body
        self.category = category
    }
}

/// Delivers SMS through a provider.
public protocol SMSSender: Sendable {
    func send(_ message: SMSMessage) async throws
}

/// The offline default: writes each message to a file under `$P2P_DATA_DIR/sms/` and logs that it did,
/// with the number masked and without the body, since the body carries a one-time code.
public struct FileSMSSender: SMSSender {
    public let directory: URL
    public let logger: Logger

    public init(directory: URL, logger: Logger) {
        self.directory = directory
        self.logger = logger
    }

    public func send(_ message: SMSMessage) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let stamp = String(format: "%.6f", Date().timeIntervalSince1970).replacingOccurrences(of: ".", with: "-")
        let file = directory.appendingPathComponent("\(stamp)-\(UUID().uuidString.prefix(8)).txt")
        try KeyFile.write(Data("To: \(message.to)\nCategory: \(message.category)\n\n\(message.body)\n".utf8), to: file)
        logger.notice("SMS written to \(file.lastPathComponent)", metadata: ["to": .string(Self.mask(message.to))])
    }

    /// `+33612345678` → `+33•••••678`.
    static func mask(_ number: String) -> String {
        guard number.count > 6 else { return "•••" }
        return String(number.prefix(3)) + String(repeating: "•", count: number.count - 6) + String(number.suffix(3))
    }
}

/// Sends SMS through the durable job queue, like `Mailer`.
public enum SMSOutbox {
    public static let jobName = "sms.send"

    /// Queues `message` on the context's database (inside the change's transaction).
    public static func enqueue(_ message: SMSMessage, context: CallContext) async throws {
        try await context.enqueue(jobName, payload: message, maxAttempts: 5, sensitive: true)
    }

    public static func registerJob(on application: Application) {
        application.jobs.register(jobName, payload: SMSMessage.self) { message, context in
            try await context.application.smsSender.send(message)
        }
    }
}

extension Application {
    private struct SMSSenderKey: StorageKey {
        typealias Value = any SMSSender
    }

    /// The application's SMS sender; set in `configure`.
    public var smsSender: any SMSSender {
        get {
            guard let sender = storage[SMSSenderKey.self] else { fatalError("smsSender read before configure(_:)") }
            return sender
        }
        set { storage[SMSSenderKey.self] = newValue }
    }
}
