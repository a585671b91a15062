import Foundation
import NIOConcurrencyHelpers

/// Writes each message as one RFC 5322 `.eml` file, named so a directory listing is in sending order.
public struct FileMailTransport: MailTransport {
    public let directory: URL
    private static let sequence = NIOLockedValueBox(0)

    public init(directory: URL) {
        self.directory = directory
    }

    public func send(_ message: MailMessage, from: String, messageId: String, date: Date) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Wall time plus a sequence number: names sort in sending order even within one clock tick.
        let stamp = String(format: "%.6f", Date().timeIntervalSince1970).replacingOccurrences(of: ".", with: "-")
        let sequence = String(
            format: "%08d",
            Self.sequence.withLockedValue { value in
                value += 1
                return value
            })
        let file = directory.appendingPathComponent("\(stamp)-\(sequence)-\(messageId.prefix(8)).eml")
        let document = RFC5322Message.render(message, from: from, messageId: messageId, date: date)
        try KeyFile.write(Data(document.utf8), to: file)
    }
}
