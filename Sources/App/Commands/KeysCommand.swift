import Auth
import Vapor

/// `p2p keys rotate`: retires the JWT signing key and creates a new one.
struct KeysCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "What to do: rotate")
        var action: String
    }

    var help: String {
        "Manages signing keys: `keys rotate` starts signing with a new key; the old one verifies until its tokens expire"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "rotate" else {
            context.console.error("Unknown action `\(signature.action)`; use `p2p keys rotate`")
            throw ExitCode(2)
        }
        let (fresh, retired) = try SuperAdminBootstrap.rotateSigningKey(on: context.application)
        context.console.success("Signing with key \(fresh)" + (retired.map { "; \($0) retired" } ?? ""))
        context.console.info("Restart running servers to pick up the new key.")
    }
}
