import Fluent
import Foundation
import Platform
import SQLKit
import Vapor

/// A member's money as the ledger holds it: balances per currency and the entries that made them.
public struct MoneyStatements: Sendable {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// One currency's balances of a member.
    public struct Balance: Content, Sendable, Equatable {
        public var currency: String
        /// Earned, waiting for the clearing period (or a dispute) to pass.
        public var pending: Int64
        /// Ready to be paid out.
        public var available: Int64
        /// Paid out to the member's account so far.
        public var paidOut: Int64
        /// Refunded to the member's card so far.
        public var refunded: Int64
    }

    public func balances(of userId: UUID) async throws -> [Balance] {
        let accounts = try await LedgerAccount.query(on: context.db).filter(\.$ownerId == userId)
            .filter(\.$kind ~~ [.travelerPending, .travelerAvailable, .travelerPaidOut, .refunds]).all()
        let grouped = Dictionary(grouping: accounts, by: \.currency)
        return grouped.keys.sorted().map { currency in
            let of = { (kind: LedgerAccountKind) in
                grouped[currency]?.first(where: { $0.kind == kind })?.balance ?? 0
            }
            return Balance(
                currency: currency, pending: of(.travelerPending), available: of(.travelerAvailable),
                paidOut: of(.travelerPaidOut), refunded: of(.refunds))
        }
    }

    /// One movement on one of a member's accounts.
    public struct Line: Content, Sendable, Equatable {
        public var transferId: UUID
        /// The member's account kind (`traveler_pending`, `refunds`, …).
        public var account: String
        /// Signed: positive credits the member's account.
        public var amount: Int64
        public var currency: String
        /// What caused it (`escrow_released`, `payout`, …) and the business record it names.
        public var kind: String
        public var referenceType: String
        public var referenceId: UUID
        public var description: String?
        public var at: Date
    }

    /// The member's entries, newest first (in the order they were written).
    public func entries(of userId: UUID, page: PageQuery) async throws -> ListPage<Line> {
        let sql = try context.db.sqlDatabase
        let total =
            try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
                WHERE a.owner_id = \(bind: userId)
                """
            ).first(decoding: Count.self)?.n ?? 0
        let rows = try await sql.raw(
            """
            SELECT e.transfer_id, a.kind AS account, e.amount, e.currency, t.kind, t.reference_type, t.reference_id,
                   t.description, e.created_at
            FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
            JOIN ledger_transfers t ON t.id = e.transfer_id
            WHERE a.owner_id = \(bind: userId)
            ORDER BY \(unsafeRaw: LedgerEntryOrder.column("e", on: context.db)) DESC
            LIMIT \(bind: page.limit) OFFSET \(bind: page.offset)
            """
        ).all()
        let lines = try rows.map { row in
            let line = try row.decode(model: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            return Line(
                transferId: line.transferId, account: line.account, amount: line.amount, currency: line.currency,
                kind: line.kind, referenceType: line.referenceType, referenceId: line.referenceId,
                description: line.description, at: line.createdAt)
        }
        return ListPage(items: lines, pagination: Pagination(page: page.page, limit: page.limit, total: total))
    }

    private struct Count: Decodable {
        var n: Int
    }

    private struct Row: Decodable {
        var transferId: UUID
        var account: String
        var amount: Int64
        var currency: String
        var kind: String
        var referenceType: String
        var referenceId: UUID
        var description: String?
        var createdAt: Date
    }
}
