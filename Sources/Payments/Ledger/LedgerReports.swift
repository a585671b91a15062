import Fluent
import Foundation
import Platform
import SQLKit
import Vapor

/// The ledger as finance admins read it: the trial balance (every account kind's balance per currency, which sum
/// to zero when the books balance), the accounts, and one account's history with its running balance.
public struct LedgerReports: Sendable {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// One account kind's line of a currency.
    public struct KindLine: Content, Sendable, Equatable {
        public var kind: String
        public var accounts: Int
        /// Sum of the accounts' signed balances, minor units (sources are negative).
        public var balance: Int64
    }

    /// One currency of the trial balance.
    public struct CurrencyBalance: Content, Sendable, Equatable {
        public var currency: String
        public var kinds: [KindLine]
        /// Money outside the platform that came in (the sum of negative balances, as a positive amount)…
        public var debits: Int64
        /// …and what the platform's accounts hold for someone: equal when the currency balances.
        public var credits: Int64
        public var balanced: Bool
    }

    public struct TrialBalance: Content, Sendable, Equatable {
        public var currencies: [CurrencyBalance]
        public var transfers: Int
        /// `LedgerAudit`'s findings: empty when every invariant holds.
        public var violations: [String]
    }

    public func trialBalance() async throws -> TrialBalance {
        let sql = try context.db.sqlDatabase
        let rows = try await sql.raw(
            """
            SELECT currency, kind, COUNT(*) AS accounts, CAST(SUM(balance) AS BIGINT) AS balance,
                   CAST(SUM(CASE WHEN balance < 0 THEN -balance ELSE 0 END) AS BIGINT) AS debits,
                   CAST(SUM(CASE WHEN balance > 0 THEN balance ELSE 0 END) AS BIGINT) AS credits
            FROM ledger_accounts GROUP BY currency, kind ORDER BY currency, kind
            """
        ).all(decoding: KindRow.self)
        let currencies = Dictionary(grouping: rows, by: \.currency).sorted { $0.key < $1.key }.map { currency, rows in
            let debits = rows.reduce(Int64(0)) { $0 + $1.debits }
            let credits = rows.reduce(Int64(0)) { $0 + $1.credits }
            return CurrencyBalance(
                currency: currency,
                kinds: rows.map { KindLine(kind: $0.kind, accounts: $0.accounts, balance: $0.balance) },
                debits: debits, credits: credits, balanced: debits == credits)
        }
        let transfers = try await LedgerTransfer.query(on: context.db).count()
        return TrialBalance(
            currencies: currencies, transfers: transfers,
            violations: try await LedgerAudit(db: context.db).violations())
    }

    public struct AccountLine: Content, Sendable, Equatable {
        public var code: String
        public var kind: LedgerAccountKind
        public var ownerId: UUID?
        public var currency: String
        public var balance: Int64
        public var openedAt: Date

        init(_ account: LedgerAccount) {
            code = account.code
            kind = account.kind
            ownerId = account.ownerId
            currency = account.currency
            balance = account.balance
            openedAt = account.createdAt
        }
    }

    /// Accounts, largest balance first, narrowed by kind, owner and currency.
    public func accounts(
        kind: LedgerAccountKind?, ownerId: UUID?, currency: String?, page: PageQuery
    ) async throws -> ListPage<AccountLine> {
        let query = LedgerAccount.query(on: context.db)
        if let kind { query.filter(\.$kind == kind) }
        if let ownerId { query.filter(\.$ownerId == ownerId) }
        if let currency { query.filter(\.$currency == currency.uppercased()) }
        return try await query.sort(\.$balance, .descending).sort(\.$code).page(page).map { AccountLine($0) }
    }

    /// One movement of an account, with the balance right after it.
    public struct HistoryLine: Content, Sendable, Equatable {
        public var transferId: UUID
        public var amount: Int64
        public var balanceAfter: Int64
        public var kind: String
        public var referenceType: String
        public var referenceId: UUID
        public var description: String?
        public var at: Date
    }

    public struct AccountHistory: Content, Sendable, Equatable {
        public var account: AccountLine
        public var entries: [HistoryLine]
        public var pagination: Pagination
    }

    /// An account's entries, newest first (in the order they were written). The balance after each is the account's balance less every entry
    /// newer than it, so a page needs one sum over the entries of the pages before it.
    public func history(of code: String, page: PageQuery) async throws -> AccountHistory {
        guard let account = try await LedgerAccount.query(on: context.db).filter(\.$code == code).first() else {
            throw APIError(.notFound, code: "LEDGER_ACCOUNT_NOT_FOUND", reason: "No ledger account \(code)")
        }
        let id = try account.requireID()
        let sql = try context.db.sqlDatabase
        let order = LedgerEntryOrder.column("e", on: context.db)
        let total = try await LedgerEntry.query(on: context.db).filter(\.$accountId == id).count()
        let newer =
            try await sql.raw(
                """
                SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS total FROM (
                    SELECT e.amount FROM ledger_entries e WHERE e.account_id = \(bind: id)
                    ORDER BY \(unsafeRaw: order) DESC LIMIT \(bind: page.offset)
                ) AS newer
                """
            ).first(decoding: Sum.self)?.total ?? 0
        let rows = try await sql.raw(
            """
            SELECT e.transfer_id, e.amount, t.kind, t.reference_type, t.reference_id, t.description, e.created_at
            FROM ledger_entries e JOIN ledger_transfers t ON t.id = e.transfer_id
            WHERE e.account_id = \(bind: id)
            ORDER BY \(unsafeRaw: order) DESC LIMIT \(bind: page.limit) OFFSET \(bind: page.offset)
            """
        ).all(decoding: EntryRow.self)
        var balance = account.balance - newer
        let lines = rows.map { row in
            defer { balance -= row.amount }
            return HistoryLine(
                transferId: row.transferId, amount: row.amount, balanceAfter: balance, kind: row.kind,
                referenceType: row.referenceType, referenceId: row.referenceId, description: row.description,
                at: row.createdAt)
        }
        return AccountHistory(
            account: AccountLine(account), entries: lines,
            pagination: Pagination(page: page.page, limit: page.limit, total: total))
    }

    private struct KindRow: Decodable {
        var currency: String
        var kind: String
        var accounts: Int
        var balance: Int64
        var debits: Int64
        var credits: Int64
    }

    private struct Sum: Decodable {
        var total: Int64
    }

    private struct EntryRow: Decodable {
        var transferId: UUID
        var amount: Int64
        var kind: String
        var referenceType: String
        var referenceId: UUID
        var description: String?
        var createdAt: Date

        enum CodingKeys: String, CodingKey {
            case transferId = "transfer_id"
            case amount, kind
            case referenceType = "reference_type"
            case referenceId = "reference_id"
            case description
            case createdAt = "created_at"
        }
    }
}
