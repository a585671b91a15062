import Fluent
import Foundation
import Platform
import SQLKit

/// The one place money lives: posts balanced transfers between accounts, each exactly once.
///
/// `post(_:)` takes a batch and runs it in one database transaction, on the caller's transaction when there
/// is one, so a transfer commits together with the business change that caused it and a batch shares one
/// commit. A balance moves by a conditional update that refuses to take an account that holds money below
/// zero, so concurrent posters cannot overdraw it; any refusal rolls the whole batch back.
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
        return try await context.db.transaction { db in
            var outcomes: [Outcome] = []
            for transfer in transfers { outcomes.append(try await post(transfer, on: db)) }
            return outcomes
        }
    }

    /// The balance of an account, 0 for one that has never moved.
    public func balance(of account: LedgerAccountRef) async throws -> Int64 {
        try await LedgerAccount.query(on: context.db).filter(\.$code == account.code).first()?.balance ?? 0
    }

    private func post(_ transfer: TransferRequest, on db: any Database) async throws -> Outcome {
        if try await LedgerTransfer.query(on: db).filter(\.$idempotencyKey == transfer.idempotencyKey).count() > 0 {
            return try await earlierOutcome(of: transfer, on: db)
        }
        let now = context.now
        let transferId = UUID()
        // A concurrent poster of the same key makes this insert wait for it, then do nothing: the key's first
        // movement stands and this one is compared with it, instead of failing on the unique index.
        let inserted = try await db.sqlDatabase.raw(
            """
            INSERT INTO ledger_transfers
                (id, idempotency_key, kind, reference_type, reference_id, currency, amount, description, created_at)
            VALUES (\(bind: transferId), \(bind: transfer.idempotencyKey), \(bind: transfer.cause.kind),
                    \(bind: transfer.cause.referenceType), \(bind: transfer.cause.referenceId),
                    \(bind: transfer.currency ?? ""), \(bind: transfer.amount), \(bind: transfer.description),
                    \(bind: now))
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """
        ).all()
        guard !inserted.isEmpty else { return try await earlierOutcome(of: transfer, on: db) }
        // Accounts in a fixed order, so two batches touching the same accounts lock them in the same order.
        for leg in transfer.legs.sorted(by: { $0.account.code < $1.account.code }) {
            let accountId = try await LedgerAccounts.id(of: leg.account, now: now, on: db)
            try await move(leg, accountId: accountId, on: db)
            let entry = LedgerEntry()
            entry.transferId = transferId
            entry.accountId = accountId
            entry.amount = leg.amount
            entry.currency = leg.account.currency
            entry.createdAt = now
            try await entry.create(on: db)
        }
        return .posted(transferId)
    }

    private func move(_ leg: TransferRequest.Leg, accountId: UUID, on db: any Database) async throws {
        let rows = try await db.sqlDatabase.raw(
            """
            UPDATE ledger_accounts SET balance = balance + \(bind: leg.amount)
            WHERE id = \(bind: accountId) AND (allows_negative OR balance + \(bind: leg.amount) >= 0)
            RETURNING balance
            """
        ).all()
        guard !rows.isEmpty else { throw LedgerError.insufficientFunds(account: leg.account.code) }
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
