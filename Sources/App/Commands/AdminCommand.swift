import Auth
import Platform
import Vapor

/// `p2p admin create --email … --password …`: bootstraps the first super admin.
struct AdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "What to do: create")
        var action: String

        @Option(name: "email", help: "E-mail address of the new super admin")
        var email: String?

        @Option(name: "password", help: "Password (8+ characters with upper, lower, digit and symbol)")
        var password: String?

        @Option(name: "first-name", help: "First name (default: Platform)")
        var firstName: String?

        @Option(name: "last-name", help: "Last name (default: Admin)")
        var lastName: String?
    }

    var help: String { "Administers accounts: `admin create --email … --password …` creates a super admin" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else {
            context.console.error("Unknown action `\(signature.action)`; use `p2p admin create --email … --password …`")
            throw ExitCode(2)
        }
        guard let email = signature.email, let password = signature.password else {
            context.console.error("Both --email and --password are required")
            throw ExitCode(2)
        }
        let app = context.application
        do {
            let id = try await SuperAdminBootstrap.create(
                email: email, password: password, firstName: signature.firstName ?? "Platform",
                lastName: signature.lastName ?? "Admin", on: app)
            context.console.success("Super admin \(email) created (id \(id.uuidString.lowercased()))")
        } catch let error as any CodedError {
            context.console.error("\(error.reason): \(error.details.joined(separator: "; "))")
            throw ExitCode(1)
        }
    }
}

/// An exit status for a failed command whose message was already printed.
public struct ExitCode: Error, CustomStringConvertible {
    public let code: Int32
    init(_ code: Int32) { self.code = code }
    public var description: String { "exit \(code)" }
}
