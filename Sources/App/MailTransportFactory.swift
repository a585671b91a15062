import Foundation
import Platform
import Vapor

/// Builds the mail transport named by `MAIL_TRANSPORT`.
enum MailTransportFactory {
    static func make(config: PlatformConfig) throws -> any MailTransport {
        switch config.mailTransport {
        case "file", "":
            return FileMailTransport(directory: config.dataDirectory.appendingPathComponent("mail", isDirectory: true))
        case let other where other.hasPrefix("smtp://"):
            throw Abort(.internalServerError, reason: "MAIL_TRANSPORT=smtp:// is not available yet; use `file`")
        default:
            throw Abort(.internalServerError, reason: "MAIL_TRANSPORT must be `file` or an smtp:// URL")
        }
    }
}
