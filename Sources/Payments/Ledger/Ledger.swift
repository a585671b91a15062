import Fluent
import Foundation
import Platform
import SQLKit

/// The one place money lives: posts balanced transfers between accounts, each exactly once.
///
/// `post(_:)` takes a batch and runs it in one database transaction, on the caller's transaction when there
/// is one, so a transfer commits together with the business change that caused it and a batch shares one
/// commit. A batch is posted set-based, in about five statements whatever its size (`LedgerStatements`): its
/// accounts are locked in one global order, the batch is applied transfer by transfer in memory so that no
/// transfer takes an account that holds money below zero, and each account then moves once by its net change,
/// under a conditional update that guards the same rule. Any refusal rolls the whole batch back.
public struct Ledger: Sendable {
    public enum Outcome: Equatable, Sendable {
        case posted(UUID)
        /// The key had posted this same movement before; nothing moved again.
        case alreadyPosted(UUID)
    }

    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    @discardableResult
    public func post(_ transfer: TransferRequest) async throws -> Outcome {
        try await post([transfer])[0]
    }

    @discardableResult
    public func post(_ transfers: [TransferRequest]) async throws -> [Outcome] {
        let problems = transfers.flatMap(\.problems)
        guard problems.isEmpty else { throw LedgerError.invalidTransfer(problems) }
        guard !transfers.isEmpty else { return [] }
        return try await context.db.transaction { db in try await post(LedgerBatchPlan(transfers), on: db) }
    }

    /// The balance of an account, 0 for one that has never moved.
    public func balance(of account: LedgerAccountRef) async throws -> Int64 {
        try await LedgerAccount.query(on: context.db).filter(\.$code == account.code).first()?.balance ?? 0
    }

    /// Posts a batch in about five statements: the new transfers, the accounts read and locked in one order
    /// (opened first where missing), the batch checked transfer by transfer in memory, one update of the net
    /// changes, the entries.
    private func post(_ plan: LedgerBatchPlan, on db: any Database) async throws -> [Outcome] {
        let now = context.now
        let statements = try LedgerStatements(db)
        let candidates = plan.firsts.map { LedgerStatements.NewTransfer(id: UUID(), transfer: $0.transfer) }
        let insertedKeys = try await statements.insertTransfers(
            candidates.sorted { $0.transfer.idempotencyKey < $1.transfer.idempotencyKey }, at: now)
        var outcomes: [Int: Outcome] = [:]
        var fresh: [LedgerStatements.NewTransfer] = []
        for (candidate, first) in zip(candidates, plan.firsts) {
            if insertedKeys.contains(candidate.transfer.idempotencyKey) {
                fresh.append(candidate)
                outcomes[first.index] = .posted(candidate.id)
            } else {
                outcomes[first.index] = try await earlierOutcome(of: candidate.transfer, on: db)
            }
        }
        if !fresh.isEmpty { try await move(fresh, statements: statements, now: now) }
        return try plan.firstIndex.enumerated().map { index, firstIndex in
            guard let outcome = outcomes[firstIndex] else { preconditionFailure("every first transfer has an outcome") }
            guard index != firstIndex else { return outcome }
            // A key repeated within the batch: the same movement again is answered like a repeat from outside.
            let transfer = plan.transfers[index]
            guard LedgerBatchPlan.sameMovement(plan.transfers[firstIndex], transfer) else {
                throw LedgerError.keyReused(transfer.idempotencyKey)
            }
            switch outcome {
            case .posted(let id), .alreadyPosted(let id): return .alreadyPosted(id)
            }
        }
    }

    private func move(
        _ fresh: [LedgerStatements.NewTransfer], statements: LedgerStatements, now: Date
    ) async throws {
        var refs: [String: LedgerAccountRef] = [:]
        for leg in fresh.flatMap(\.transfer.legs) { refs[leg.account.code] = leg.account }
        let codes = refs.keys.sorted()
        var accounts = try await statements.lockAccounts(codes)
        let missing = codes.filter { accounts[$0] == nil }
        if !missing.isEmpty {
            try await statements.openAccounts(missing.compactMap { refs[$0] }, at: now)
            try await accounts.merge(statements.lockAccounts(missing)) { _, opened in opened }
        }
        func id(_ code: String) throws -> UUID {
            guard let account = accounts[code] else {
                throw APIError(
                    .internalServerError, code: "LEDGER_ACCOUNT_MISSING", reason: "A ledger account vanished")
            }
            return account.id
        }
        let changes = try LedgerBatchPlan.netChanges(
            of: fresh.map(\.transfer), from: accounts.mapValues(\.state)
        ).get()
        try await statements.applyChanges(
            changes.sorted { $0.key < $1.key }.map { code, amount in (try id(code), code, amount) })
        try await statements.insertEntries(
            fresh.flatMap { row in
                try row.transfer.legs.map { leg in
                    LedgerStatements.NewEntry(
                        transferId: row.id, accountId: try id(leg.account.code), amount: leg.amount,
                        currency: leg.account.currency)
                }
            }, at: now)
    }

    /// The answer for a key that has posted before: the same movement again, or a key reused for another.
    private func earlierOutcome(of transfer: TransferRequest, on db: any Database) async throws -> Outcome {
        guard
            let earlier = try await LedgerTransfer.query(on: db)
                .filter(\.$idempotencyKey == transfer.idempotencyKey).first(),
            try await sameMovement(earlier, transfer, on: db)
        else { throw LedgerError.keyReused(transfer.idempotencyKey) }
        return .alreadyPosted(try earlier.requireID())
    }

    /// Whether an earlier transfer under the same key moved the same amounts between the same accounts.
    private func sameMovement(
        _ earlier: LedgerTransfer, _ transfer: TransferRequest, on db: any Database
    )
        async throws -> Bool
    {
        let entries = try await LedgerEntry.query(on: db).filter(\.$transferId == (try earlier.requireID())).all()
        let accounts = try await LedgerAccount.query(on: db).filter(\.$id ~~ entries.map(\.accountId)).all()
        let codes = Dictionary(
            uniqueKeysWithValues: accounts.compactMap { account in account.id.map { ($0, account.code) } })
        let stored = Set(entries.map { "\(codes[$0.accountId] ?? "?")=\($0.amount)" })
        return stored == Set(transfer.legs.map { "\($0.account.code)=\($0.amount)" })
            && earlier.kind == transfer.cause.kind && earlier.referenceId == transfer.cause.referenceId
    }
}
