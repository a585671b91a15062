import Foundation

/// Writes each message as one RFC 5322 `.eml` file, named so a directory listing is in sending order.
public struct FileMailTransport: MailTransport {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func send(_ message: MailMessage, from: String, messageId: String, date: Date) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let stamp = String(format: "%.6f", date.timeIntervalSince1970).replacingOccurrences(of: ".", with: "-")
        let file = directory.appendingPathComponent("\(stamp)-\(messageId.prefix(8)).eml")
        let document = RFC5322Message.render(message, from: from, messageId: messageId, date: date)
        try KeyFile.write(Data(document.utf8), to: file)
    }
}
