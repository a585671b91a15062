import Foundation

/// An e-mail ready to send: plain text always, HTML optionally.
public struct MailMessage: Codable, Sendable, Equatable {
    public var to: String
    public var subject: String
    public var text: String
    public var html: String?
    /// What the mail is about (`verification`, `security`, …), for logs and preferences.
    public var category: String

    public init(to: String, subject: String, text: String, html: String? = nil, category: String) {
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.category = category
    }
}

/// Delivers a message somewhere: a directory of `.eml` files, an SMTP server.
public protocol MailTransport: Sendable {
    func send(_ message: MailMessage, from: String, messageId: String, date: Date) async throws
}
