import Fluent
import Payments
import Vapor

/// `p2p ledger verify`: checks the ledger's invariants on the configured database and fails when one is broken.
struct LedgerCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "What to do: verify")
        var action: String
    }

    var help: String {
        "Checks the money ledger: `ledger verify` confirms every transfer balances, every balance matches its entries, "
            + "each currency sums to zero and no held balance is below zero"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            context.console.error("Unknown action `\(signature.action)`; use `p2p ledger verify`")
            throw ExitCode(2)
        }
        let db = context.application.db
        let violations = try await LedgerAudit(db: db).violations()
        guard violations.isEmpty else {
            for violation in violations { context.console.error(violation) }
            throw ExitCode(1)
        }
        let transfers = try await LedgerTransfer.query(on: db).count()
        let accounts = try await LedgerAccount.query(on: db).count()
        context.console.success("Ledger sound: \(transfers) transfers over \(accounts) accounts")
    }
}
