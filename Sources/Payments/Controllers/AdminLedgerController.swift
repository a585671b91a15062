import Fluent
import Foundation
import Platform
import Vapor

/// The finance admins' view of the ledger: the trial balance with the invariants checked, the accounts, and
/// one account's history. Read-only: money moves only through the flows that cause it.
struct AdminLedgerController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let ledger = routes.grouped("admin", "ledger").grouped(RoleGuard.admin)
        ledger.get("trial-balance", use: trialBalance).doc(
            "Every account kind's balance per currency, debits against credits, and the ledger's invariants checked")
        ledger.get("accounts", use: accounts).doc(
            "Ledger accounts, largest balance first (?kind=&ownerId=&currency=)",
            query: ["kind": .filter(LedgerAccountKind.self), "ownerId": .format("uuid"), "currency": .currency])
        ledger.get("accounts", ":code", "entries", use: history).doc(
            "One account's entries, newest first, each with the balance after it", also: [404])
    }

    @Sendable func trialBalance(req: Request) async throws -> Envelope<LedgerReports.TrialBalance> {
        Envelope(try await LedgerReports(context: req.callContext).trialBalance())
    }

    @Sendable func accounts(req: Request) async throws -> Envelope<[LedgerReports.AccountLine]> {
        var check = RuleCheck()
        let kind = try req.filter("kind", as: LedgerAccountKind.self, into: &check)
        let owner = try req.query.get(String?.self, at: "ownerId")
        let ownerId = owner.flatMap(UUID.init(uuidString:))
        check.require(owner == nil || ownerId != nil, "ownerId must be a UUID")
        let currency = try req.query.get(String?.self, at: "currency")
        check.require(
            currency == nil || Currency(code: currency ?? "") != nil, "currency must be one the platform knows")
        try check.throwIfBroken()
        return .list(
            try await LedgerReports(context: req.callContext).accounts(
                kind: kind, ownerId: ownerId, currency: currency, page: try PageQuery(from: req)))
    }

    @Sendable func history(req: Request) async throws -> Envelope<LedgerReports.AccountHistory> {
        let code = req.parameters.get("code") ?? ""
        return Envelope(
            try await LedgerReports(context: req.callContext).history(of: code, page: try PageQuery(from: req)))
    }
}
