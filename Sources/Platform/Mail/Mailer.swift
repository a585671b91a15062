import Fluent
import Vapor

/// Sends e-mail through the durable job queue, so a message leaves only if the change that caused it committed.
///
/// The queued payload holds the rendered message (it may carry a one-time code), so the job is marked
/// sensitive and its payload is blanked once delivered or dead.
public struct Mailer: Sendable {
    public static let jobName = "mail.send"

    public let transport: any MailTransport
    public let from: String

    public init(transport: any MailTransport, from: String) {
        self.transport = transport
        self.from = from
    }

    /// Queues `message` on the context's database (inside the change's transaction).
    public func enqueue(_ message: MailMessage, context: CallContext) async throws {
        try await context.enqueue(Self.jobName, payload: message, maxAttempts: 10, sensitive: true)
    }

    /// Registers the job that performs the delivery.
    public static func registerJob(on application: Application) {
        application.jobs.register(jobName, payload: MailMessage.self) { message, context in
            let mailer = context.application.mailer
            let domain = mailer.from.split(separator: "@").last.map { $0.trimmingCharacters(in: ["<", ">", " "]) }
            let messageId = "\(context.jobId.uuidString.lowercased())@\(domain ?? "p2p.local")"
            try await mailer.transport.send(
                message, from: mailer.from, messageId: messageId, date: context.application.clock.now())
            context.logger.info("mail sent", metadata: ["category": .string(message.category)])
        }
    }
}

extension Application {
    private struct MailerKey: StorageKey {
        typealias Value = Mailer
    }

    /// The application's mailer; set in `configure` from `MAIL_TRANSPORT`.
    public var mailer: Mailer {
        get {
            guard let mailer = storage[MailerKey.self] else { fatalError("mailer read before configure(_:)") }
            return mailer
        }
        set { storage[MailerKey.self] = newValue }
    }
}
