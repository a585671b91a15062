import Fluent
import Platform
import Vapor

/// The e-mails the Auth module sends; each is queued on the context's database, in the caller's transaction.
enum AuthMail {
    static func verificationCode(
        to user: User, code: String, minutes: Int, context: CallContext
    )
        async throws
    {
        try await send(
            MailMessage(
                to: user.email, subject: "Your P2P Delivery verification code: \(code)",
                text: """
                    Hello \(user.firstName),

                    Welcome to P2P Delivery. Your verification code is:

                        \(code)

                    It expires in \(minutes) minutes. If you did not create an account, ignore this e-mail.
                    """,
                category: "verification"), context)
    }

    static func passwordResetCode(
        to user: User, code: String, minutes: Int, context: CallContext
    )
        async throws
    {
        try await send(
            MailMessage(
                to: user.email, subject: "Reset your P2P Delivery password",
                text: """
                    Hello \(user.firstName),

                    Someone asked to reset the password of your account. Your reset code is:

                        \(code)

                    It expires in \(minutes) minutes and works once. If this was not you, ignore this e-mail;
                    your password has not changed.
                    """,
                category: "password_reset"), context)
    }

    static func passwordChanged(_ user: User, context: CallContext) async throws {
        try await send(
            MailMessage(
                to: user.email, subject: "Your P2P Delivery password was changed",
                text: """
                    Hello \(user.firstName),

                    The password of your account was changed on \(stamp(context.now)) (UTC) and your other sessions
                    were signed out. If this was not you, reset your password at once and contact support.
                    """,
                category: "security"), context)
    }

    static func newDevice(user: User, session: UserSession, context: CallContext) async throws {
        let device = [session.deviceName, session.platform.rawValue, session.userAgent].compactMap { $0 }
            .joined(separator: ", ")
        try await send(
            MailMessage(
                to: user.email, subject: "New sign-in to your P2P Delivery account",
                text: """
                    Hello \(user.firstName),

                    Your account was just signed in from a device we have not seen before:

                        When:    \(stamp(context.now)) (UTC)
                        Device:  \(device)
                        Address: \(session.ipAddress ?? "unknown")

                    If this was you, nothing else is needed. If not, change your password and sign out the
                    session from Settings › Security.
                    """,
                category: "security"), context)
    }

    static func accountNotice(
        _ user: User, subject: String, body: String, context: CallContext
    )
        async throws
    {
        try await send(
            MailMessage(
                to: user.email, subject: subject, text: "Hello \(user.firstName),\n\n\(body)\n",
                category: "account"), context)
    }

    private static func send(_ message: MailMessage, _ context: CallContext) async throws {
        try await context.mailer.enqueue(message, context: context)
    }

    private static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
